/**
 * Totals over every file the engine knows, for the total progress line. Pure. Cancelled files
 * drop out (the editor took them back); failed ones stay counted as failed.
 */
import type { Item } from './engine-item'
import type { TotalProgress } from './types'

export type EngineCounts = Omit<TotalProgress, 'bytesPerSecond' | 'etaSeconds'> & { bytesPending: number }

export function countItems(items: Iterable<Pick<Item, 'status' | 'bytesSent' | 'bytesTotal'>>): EngineCounts {
  let bytesTotal = 0
  let bytesSent = 0
  let bytesPending = 0
  const files = { filesTotal: 0, filesUploaded: 0, filesFailed: 0, filesActive: 0 }
  for (const item of items) {
    if (item.status === 'cancelled') continue
    files.filesTotal++
    bytesTotal += item.bytesTotal
    bytesSent += Math.min(item.bytesSent, item.bytesTotal)
    if (item.status === 'uploaded') files.filesUploaded++
    else if (item.status === 'failed') files.filesFailed++
    else {
      if (item.status === 'active') files.filesActive++
      bytesPending += Math.max(0, item.bytesTotal - item.bytesSent)
    }
  }
  return { bytesTotal, bytesSent, bytesPending, ...files }
}
