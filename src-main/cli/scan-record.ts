/**
 * One output record per scanned file, built in one place so the probe's facts (kind, MIME,
 * dimensions…) are added here when probing exists, and nowhere else.
 */
import type { ScannedFile } from '../core/scan/scanned-file'
import type { MediaKind } from '../core/session/row'

export interface ScanRecord {
  path: string
  relativePath: string
  status: ScannedFile['status']
  /** Why the file was skipped or could not be read; null when status is 'ok'. */
  reason: string | null
  /** null until probing exists: never guessed from the extension. */
  kind: MediaKind | null
  /** null until probing exists. */
  mimeType: string | null
  size: number
  /** ISO 8601; null when the walk did not stat the file (unreadable, or skipped unread). */
  modifiedAt: string | null
}

export function toScanRecord(file: ScannedFile): ScanRecord {
  return {
    path: file.path,
    relativePath: file.relativePath,
    status: file.status,
    reason: file.reason ?? null,
    kind: null,
    mimeType: null,
    size: file.size,
    // The walk reports 0 for "not known".
    modifiedAt: file.mtimeMs > 0 ? new Date(file.mtimeMs).toISOString() : null,
  }
}
