/**
 * Reads an import answer for one batch into outcomes that are settled now, and entries whose
 * fate needs a lookup first. Pure.
 * - `ok` items are imported; validation and other 4xx refusals are rejected with field issues.
 * - `UniqueIdViolation` on our own id: probably we stored it before (an attempt whose answer
 *   was lost); a lookup by id tells whether the entry with that id is ours.
 * - `UniqueIdViolation` on externalId: a lookup by systemName+externalId names the holder.
 * - 5xx items, unreadable items and entries the answer does not mention: unknown; looked up by
 *   id, and sent again only if the library does not hold them.
 */
import { serverIssuesFor } from '../livingdocs/error-fields'
import type { ImportItem } from '../model/livingdocs'
import type { PreparedEntry } from './batching'
import { matchResults } from './match-results'
import type { EntryOutcome } from '../model/outcome'

export interface AnswerReading {
  settled: EntryOutcome[]
  /** Our id was reported as taken. */
  duplicateId: PreparedEntry[]
  /** Our systemName+externalId was reported as taken. */
  duplicateExternalId: PreparedEntry[]
  /** No usable answer for these. */
  unknown: PreparedEntry[]
}

export function readAnswer(batch: readonly PreparedEntry[], items: readonly ImportItem[]): AnswerReading {
  const { byId } = matchResults(
    batch.map((p) => p.entry.id),
    items,
  )
  const reading: AnswerReading = { settled: [], duplicateId: [], duplicateExternalId: [], unknown: [] }
  for (const prepared of batch) {
    const id = prepared.entry.id
    const item = byId.get(id)
    if (!item || item.outcome === 'unreadable') {
      reading.unknown.push(prepared)
      continue
    }
    if (item.outcome === 'ok') {
      const mediaId = typeof item.record.id === 'string' && item.record.id !== '' ? item.record.id : id
      reading.settled.push({ id, status: 'imported', mediaId, record: item.record, confirmedBy: 'response' })
      continue
    }
    if (item.reason === 'duplicate-id') reading.duplicateId.push(prepared)
    else if (item.reason === 'duplicate-external-id') reading.duplicateExternalId.push(prepared)
    else if (item.status >= 500 || item.status === 429) reading.unknown.push(prepared)
    else reading.settled.push({ id, status: 'rejected', issues: serverIssuesFor(item) })
  }
  return reading
}
