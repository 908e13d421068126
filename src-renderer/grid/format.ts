/** How row facts read in the grid. Pure, so the wording is tested, not eyeballed. */
import type { MediaKind, Row, RowStatus } from '../../src-main/contract'

const UNITS = ['kB', 'MB', 'GB', 'TB'] as const

/** Decimal units, as the file managers editors use (Finder, Files, Explorer's "size on disk" aside). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1000) return `${bytes} B`
  let value = bytes
  let unit: string = 'B'
  for (const next of UNITS) {
    // 999.5 kB would round to "1000 kB"; it reads better as the next unit up.
    if (value < 999.5) break
    value /= 1000
    unit = next
  }
  // One decimal below 10 ("2.5 MB"), whole numbers above ("345 kB"), as Finder shows them.
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  return `${rounded} ${unit}`
}

const STATUS_LABELS: Record<RowStatus, string> = {
  scanned: 'Scanned',
  skipped: 'Skipped',
  unreadable: 'Unreadable',
  probed: 'Ready',
  uploading: 'Uploading',
  uploaded: 'Uploaded',
  'upload-failed': 'Upload failed',
  submitting: 'Importing',
  imported: 'Imported',
  rejected: 'Rejected',
  conflict: 'Conflict',
}

/** An imported row's correction (core/updater): "Update pending" -> "Updated", or why it failed. */
const UPDATE_LABELS = { pending: 'Update pending', sending: 'Updating', updated: 'Updated', failed: 'Update failed' }

export function formatStatus(row: Pick<Row, 'status' | 'reason' | 'upload' | 'update'>): string {
  if (row.status === 'imported' && row.update) {
    const { state, error } = row.update
    const label = error?.conflict ? 'Update conflict' : UPDATE_LABELS[state]
    return state === 'failed' && error ? `${label}: ${error.reason}` : label
  }
  // Pausing holds the upload without changing the row's status: say what the editor did.
  const label = row.status === 'uploading' && row.upload?.state === 'paused' ? 'Paused' : STATUS_LABELS[row.status]
  return row.reason ? `${label}: ${row.reason}` : label
}

const KIND_LABELS: Record<MediaKind, string> = { image: 'Image', video: 'Video', file: 'File' }

/** Kind is known once the bytes were read; a file that could not be read never gets one. */
export function formatKind(kind: MediaKind | undefined, status: RowStatus): string {
  if (kind) return KIND_LABELS[kind]
  return status === 'scanned' ? 'Not detected yet' : 'Unknown'
}
