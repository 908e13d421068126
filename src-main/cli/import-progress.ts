/** What the progress line of an import shows, read from the session and the upload engine. */
import type { ScanProgress } from '../contract'
import type { ImportSession } from '../core/pipeline/import-session'
import type { TotalProgress } from '../core/storage/types'
import type { RunProgress } from './progress-line'

/** Counts come from the rows (exact); speed and time left from the engine's throttled totals. */
export function progressOf(
  imp: ImportSession,
  phase: RunProgress['phase'],
  scan: ScanProgress | undefined,
  total: TotalProgress | undefined,
): RunProgress {
  const progress: RunProgress = {
    phase,
    files: scan?.files ?? 0,
    probed: scan?.probed ?? 0,
    uploadedFiles: 0,
    uploadFiles: 0,
    bytesSent: 0,
    bytesTotal: 0,
    bytesPerSecond: total?.bytesPerSecond ?? 0,
    ...(total?.etaSeconds !== undefined ? { etaSeconds: total.etaSeconds } : {}),
    imported: 0,
    toImport: 0,
  }
  for (const row of imp.session.snapshot().rows) {
    if (row.upload) {
      progress.uploadFiles++
      progress.bytesTotal += row.upload.bytesTotal
      progress.bytesSent += Math.min(row.upload.bytesSent, row.upload.bytesTotal)
      if (row.upload.state === 'uploaded') progress.uploadedFiles++
    }
    if (row.status === 'imported') progress.imported++
    if (row.entry && row.status !== 'skipped' && row.status !== 'unreadable') progress.toImport++
  }
  return progress
}
