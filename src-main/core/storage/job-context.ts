/**
 * What one file's upload needs from the engine, and the one way it sends a request: through
 * the shared request slots, with retries, under the job's abort signal.
 */
import type { S3Client } from '@aws-sdk/client-s3'
import type { Slots } from '../concurrency/slots'
import { withS3Retries } from './with-retries'
import type { RetryPolicy, StorageTarget, UploadInput, UploadState, UploadStateStore } from './types'

export interface JobContext {
  input: UploadInput
  uploadKey: string
  target: StorageTarget
  /** `public-read` for videos when the profile asks for it. */
  acl: 'public-read' | undefined
  client: S3Client
  store: UploadStateStore
  slots: Slots
  policy: RetryPolicy
  signal: AbortSignal
  multipartThreshold: number
  /** Single-PUT files up to this size are read into memory once; larger ones are streamed. */
  bufferLimit: number
  minPartSize: number
  /** Parts of one file in flight at once (still bounded by the shared slots). */
  partsInFlight: number
  isTransient: (err: unknown) => boolean
  /** Bytes handed to the network; negative to take back a failed attempt's bytes. */
  onBytes: (delta: number) => void
  newKey: () => string
  /** The file's sha256: from the probe, computed ahead while other files uploaded, or now. */
  hashOf: () => Promise<string>
}

export function sendWithRetries<T>(
  ctx: JobContext,
  operation: (attempt: number) => Promise<T>,
  onRetry?: () => void,
  signal: AbortSignal = ctx.signal,
): Promise<T> {
  return withS3Retries(operation, {
    policy: ctx.policy,
    slots: ctx.slots,
    signal,
    isTransient: ctx.isTransient,
    ...(onRetry ? { onRetry } : {}),
  })
}

/** Object metadata: the sha256 travels with the object (x-amz-meta-sha256). */
export function objectHeaders(ctx: JobContext, state: UploadState) {
  return {
    Bucket: state.bucket,
    Key: state.key,
    ContentType: ctx.input.mimeType || 'application/octet-stream',
    Metadata: { sha256: state.sha256 },
    ...(ctx.acl ? { ACL: ctx.acl } : {}),
  }
}
