/**
 * Between a row and its assets: what the storage engine is given to upload, how its events
 * change the row, and the asset facts an import entry is built from. Pure.
 */
import type { AssetFacts } from '../livingdocs/entry-builder'
import type { LifeEvent } from './row-lifecycle'
import { step } from './row-step'
import type { AssetUpload, LocaleAsset, Row, RowChange } from '../model/row'
import type { UploadEvent, UploadInput } from '../storage/types'
import type { ValidationInput } from '../validation/validate-entry'
import { rowContentId } from '../importer/content-identity'

const fileName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)

/** The upload of a row's main file; undefined while it cannot or need not go (unprobed, unreadable, done). */
export function uploadInputOf(row: Row): UploadInput | undefined {
  if (row.upload?.state === 'uploaded') return undefined
  // A cancelled upload waits for the editor's Retry, also in a reopened session.
  if (row.upload?.state === 'cancelled') return undefined
  if (!['probed', 'uploading', 'upload-failed'].includes(row.status)) return undefined
  if (!row.kind || !row.mimeType || !row.extension || row.probeError) return undefined
  return {
    rowId: row.rowId,
    path: row.path,
    size: row.size,
    mtimeMs: row.mtimeMs,
    ...(row.sha256 ? { sha256: row.sha256 } : {}),
    kind: row.kind,
    mimeType: row.mimeType,
    ext: row.extension,
  }
}

/** Uploads of the row's per-locale files that are not on the server yet. */
export function localeUploadInputs(row: Pick<Row, 'rowId' | 'status' | 'localeAssets'>): UploadInput[] {
  if (row.status === 'imported') return []
  return Object.entries(row.localeAssets ?? {})
    .filter(([, asset]) => asset.upload?.state !== 'uploaded' && asset.upload?.state !== 'cancelled')
    .map(([locale, asset]) => ({
      rowId: row.rowId,
      locale,
      path: asset.path,
      size: asset.size,
      mtimeMs: asset.mtimeMs,
      ...(asset.sha256 ? { sha256: asset.sha256 } : {}),
      kind: asset.kind,
      mimeType: asset.mimeType,
      ext: asset.extension,
    }))
}

/** The upload as the engine reports it now. */
export function nextUpload(current: AssetUpload | undefined, event: UploadEvent, size: number): AssetUpload {
  const base = { bytesSent: current?.bytesSent ?? 0, bytesTotal: size }
  switch (event.type) {
    case 'queued':
      return { state: 'queued', ...base }
    case 'paused':
      return { state: 'paused', ...base }
    case 'cancelled':
      return { state: 'cancelled', ...base }
    case 'uploading': {
      const { bytesSent, bytesTotal, bytesPerSecond, etaSeconds } = event.progress
      return {
        state: 'uploading',
        bytesSent,
        bytesTotal,
        bytesPerSecond,
        ...(etaSeconds !== undefined ? { etaSeconds } : {}),
      }
    }
    case 'uploaded':
      return {
        state: 'uploaded',
        bytesSent: event.size,
        bytesTotal: event.size,
        bucket: event.bucket,
        key: event.key,
        url: event.url,
        etag: event.etag,
      }
    case 'failed':
      return {
        state: 'failed',
        ...base,
        error: { code: event.code, message: event.message, retryable: event.retryable },
      }
  }
}

/** The lifecycle's event for an engine event (pipeline/row-lifecycle.ts); a pause moves no row. */
const lifeEvent: Record<
  UploadEvent['type'],
  | Extract<LifeEvent, 'upload-queued' | 'upload-progress' | 'upload-done' | 'upload-failed' | 'upload-cancelled'>
  | undefined
> = {
  queued: 'upload-queued',
  uploading: 'upload-progress',
  paused: undefined,
  uploaded: 'upload-done',
  failed: 'upload-failed',
  cancelled: 'upload-cancelled',
}

/** The change an engine event makes to its row; undefined when the event is not about this row's files. */
export function uploadChange(row: Row, event: UploadEvent): RowChange | undefined {
  if (event.locale) {
    const asset = row.localeAssets?.[event.locale]
    if (!asset) return undefined
    const next: LocaleAsset = { ...asset, upload: nextUpload(asset.upload, event, asset.size) }
    if (event.type === 'uploaded' && event.sha256 !== asset.sha256) next.sha256 = event.sha256
    return { localeAssets: { ...row.localeAssets, [event.locale]: next } }
  }
  if (row.upload?.state === 'uploaded' && event.type !== 'uploaded') return undefined
  // The uploaded bytes' hash is the row's: a Retry after the file changed hashed them anew.
  const hash = event.type === 'uploaded' && event.sha256 !== row.sha256 ? { sha256: event.sha256 } : {}
  // Upload states move a row only while it is still about its bytes; a submitted row keeps its status.
  const life = lifeEvent[event.type]
  return { upload: nextUpload(row.upload, event, row.size), ...hash, ...(life ? step(row, life) : {}) }
}

function factsOf(
  upload: AssetUpload | undefined,
  file: { size: number; mimeType?: string; width?: number; height?: number; duration?: number },
  name: string,
): AssetFacts | undefined {
  if (upload?.state !== 'uploaded' || !upload.key || !upload.url) return undefined
  return {
    key: upload.key,
    url: upload.url,
    size: file.size,
    ...(file.width !== undefined ? { width: file.width } : {}),
    ...(file.height !== undefined ? { height: file.height } : {}),
    ...(file.duration !== undefined ? { duration: file.duration } : {}),
    ...(file.mimeType ? { mimeType: file.mimeType } : {}),
    filename: name,
  }
}

/** What validation and entry building see of a row: its entry and the assets uploaded so far. */
export function draftOf(row: Row): ValidationInput {
  const translationAssets: Record<string, AssetFacts> = {}
  for (const [locale, asset] of Object.entries(row.localeAssets ?? {})) {
    // An asset not uploaded yet still counts, so validation says "not uploaded yet" on its cell.
    translationAssets[locale] = factsOf(asset.upload, asset, fileName(asset.path)) ?? {}
  }
  const asset = factsOf(row.upload, row, fileName(row.relativePath))
  const uploadFailures = uploadFailuresOf(row)
  const contentId = rowContentId(row)
  return {
    rowId: row.rowId,
    ...(contentId ? { contentId } : {}),
    entry: row.entry ?? { id: '', metadata: {}, translations: {} },
    ...(row.kind ? { kind: row.kind } : {}),
    ...(asset ? { asset } : {}),
    ...(Object.keys(translationAssets).length > 0 ? { translationAssets } : {}),
    ...(uploadFailures ? { uploadFailures } : {}),
  }
}

const failureOf = (upload: AssetUpload | undefined): string | undefined =>
  upload?.state === 'failed' ? upload.error?.message : undefined

/** The storage layer's reasons for failed uploads, so validation names them rather than "not uploaded yet". */
function uploadFailuresOf(row: Row): ValidationInput['uploadFailures'] {
  const translations: Record<string, string> = {}
  for (const [locale, asset] of Object.entries(row.localeAssets ?? {})) {
    const failure = failureOf(asset.upload)
    if (failure) translations[locale] = failure
  }
  const asset = failureOf(row.upload)
  if (!asset && Object.keys(translations).length === 0) return undefined
  return { ...(asset ? { asset } : {}), ...(Object.keys(translations).length > 0 ? { translations } : {}) }
}
