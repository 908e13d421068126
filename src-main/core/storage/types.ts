/**
 * The storage capability's public shapes: what the importer hands the upload engine, how the
 * engine is configured, and what it reports back. No Electron, no SDK types leak out of here.
 */
import type { MediaKind } from '../model/row'

export type { MediaKind }

/** One file to upload. A row's main asset has no locale; a per-locale translation asset has one. */
export interface UploadInput {
  rowId: string
  locale?: string
  path: string
  /** As scanned: the upload refuses a file whose size or mtime changed since. */
  size: number
  mtimeMs: number
  /** Hex sha256 of the file when the probe already computed it; the engine computes it otherwise. */
  sha256?: string
  kind: MediaKind
  mimeType: string
  /** Extension from the detected type, without the dot (`jpg`, `mp4`). */
  ext: string
}

/** Where one asset kind goes. */
export interface StorageTarget {
  bucket: string
  /** Public URL base of the bucket, without trailing slash; `url = publicUrl + '/' + key`. */
  publicUrl: string
  /** Key prefix such as `media/` (never starting with `/` or `v/`). May be empty. */
  prefix: string
}

/** Where the credentials come from; named in access-denied messages (never the secret itself). */
export type CredentialSource =
  | { type: 'keys'; accessKeyId: string; secretAccessKey: string; sessionToken?: string; label?: string }
  | { type: 'profile'; profile: string }
  /** The standard AWS chain: environment, shared config/credentials files, SSO, instance roles. */
  | { type: 'default-chain' }

export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export interface StorageConfig {
  region: string
  /** S3-compatible endpoint (MinIO, Ceph, R2, the sandbox); absent for AWS itself. */
  endpoint?: string
  forcePathStyle?: boolean
  credentials: CredentialSource
  targets: Record<MediaKind, StorageTarget>
  /** Upload videos with the public-read ACL (a profile option). */
  videoPublicRead?: boolean
  /** Requests in flight at once, over all files and parts. Default 8. */
  concurrency?: number
  /**
   * 'WHEN_REQUIRED' (default) sends no checksum unless an operation demands one. Several
   * S3-compatible stores (s3rver among them) store aws-chunked framing as the object otherwise.
   */
  requestChecksumCalculation?: 'WHEN_REQUIRED' | 'WHEN_SUPPORTED'
  /** Files of at least this size go multipart. Default 100 MiB. */
  multipartThreshold?: number
  /** Smallest part; grows so no file needs more than 10,000 parts. Default 16 MiB. */
  minPartSize?: number
  retry?: Partial<RetryPolicy>
  /** A socket idle this long counts as a stall and the request is retried. Default 30 s. */
  stallTimeoutMs?: number
  connectTimeoutMs?: number
  /** Expect: 100-continue on large bodies (the SDK default: from 2 MB). */
  expectContinue?: boolean
}

export interface FileProgress {
  bytesSent: number
  bytesTotal: number
  bytesPerSecond: number
  /** Seconds left at the current speed; undefined until a speed is known. */
  etaSeconds: number | undefined
}

export interface TotalProgress extends FileProgress {
  filesTotal: number
  filesUploaded: number
  filesFailed: number
  filesActive: number
}

/** Total progress as the app shows it: the engine's totals and whether everything is paused. */
export interface UploadProgress extends TotalProgress {
  paused: boolean
}

/** Editor-facing failure codes (see classify-error.ts for the message each one gets). */
export type UploadErrorCode =
  | 'source-changed'
  | 'source-missing'
  | 'read-error'
  | 'journal-write'
  | 'bucket-missing'
  | 'access-denied'
  | 'network'
  | 'server-error'
  | 'verify-failed'
  | 'too-large'
  | 'config'
  | 'unknown'

export interface UploadedObject {
  bucket: string
  key: string
  url: string
  size: number
  etag: string
  sha256: string
}

interface RowRef {
  rowId: string
  locale?: string
}

export type UploadEvent =
  | ({ type: 'queued' } & RowRef)
  | ({ type: 'uploading'; progress: FileProgress } & RowRef)
  | ({ type: 'paused' } & RowRef)
  | ({ type: 'uploaded' } & RowRef & UploadedObject)
  | ({ type: 'failed'; code: UploadErrorCode; message: string; retryable: boolean } & RowRef)
  | ({ type: 'cancelled' } & RowRef)

/** One journaled multipart part. */
export interface FinishedPart {
  partNumber: number
  etag: string
  size: number
}

/**
 * What is journaled per upload so a restarted process continues where it stopped.
 * `status: 'uploaded'` means the object is on the server and verified: never send it again.
 */
export interface UploadState {
  uploadKey: string
  rowId: string
  locale?: string
  source: { path: string; size: number; mtimeMs: number }
  sha256: string
  bucket: string
  key: string
  url: string
  status: 'in-progress' | 'completing' | 'uploaded'
  multipart?: { uploadId: string; partSize: number; parts: FinishedPart[] }
  etag?: string
}

/** The journal's persistence; a later sessions feature can adopt the file-backed implementation. */
export interface UploadStateStore {
  load(uploadKey: string): Promise<UploadState | undefined>
  save(state: UploadState): Promise<void>
  /** Appends one finished part to a multipart state (cheaper than saving the whole state). */
  savePart(uploadKey: string, part: FinishedPart): Promise<void>
  delete(uploadKey: string): Promise<void>
}

/** A row's main asset and its per-locale assets are separate uploads. */
export function uploadKeyOf(ref: RowRef): string {
  return ref.locale ? `${ref.rowId}#${ref.locale}` : ref.rowId
}
