/**
 * The toolbar's upload line from the engine's totals: bytes done of total, speed, time left and
 * files, plus which controls make sense now. Pure.
 */
import type { UploadProgress } from '../../src-main/contract'
import { formatSize } from '../grid/format'

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`
}

export interface UploadSummary {
  headline: string
  detail: string
  /** Something is waiting or in flight that pause/cancel would act on. */
  busy: boolean
}

export function summariseUploads(p: UploadProgress | undefined): UploadSummary | undefined {
  if (!p || p.filesTotal === 0) return undefined
  const done = p.filesUploaded + p.filesFailed
  const busy = done < p.filesTotal
  const bytes = `${formatSize(p.bytesSent)} of ${formatSize(p.bytesTotal)}`
  const files = `${p.filesUploaded.toLocaleString('en')} of ${p.filesTotal.toLocaleString('en')} files`
  const failed = p.filesFailed > 0 ? `, ${p.filesFailed.toLocaleString('en')} failed` : ''
  // Paused ahead of a drop too: new rows wait until Resume.
  if (p.paused) return { headline: 'Uploads paused', detail: `${bytes} · ${files}${failed}`, busy }
  if (!busy)
    return { headline: p.filesFailed > 0 ? 'Uploads stopped' : 'Uploads done', detail: `${files}${failed}`, busy }
  const speed = p.bytesPerSecond > 0 ? ` · ${formatSize(p.bytesPerSecond)}/s` : ''
  const eta = p.etaSeconds !== undefined && p.bytesPerSecond > 0 ? ` · ${formatDuration(p.etaSeconds)} left` : ''
  return { headline: 'Uploading', detail: `${bytes}${speed}${eta} · ${files}${failed}`, busy }
}
