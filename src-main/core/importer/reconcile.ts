/**
 * Settling entries whose fate an import answer left open, by asking the library. This is what
 * makes retries idempotent: nothing is sent again until a lookup has shown it is not there.
 */
import type { FieldIssue } from '../model/row'
import type { PreparedEntry } from './batching'
import { isOurs, retryLookup, type ImportApi, type RetryRules } from './lookups'
import { conflictWith, type EntryOutcome } from '../model/outcome'

export interface Reconciled {
  settled: EntryOutcome[]
  /** Not in the library: safe to send again. */
  absent: PreparedEntry[]
}

const idIssue = (existingId: string): FieldIssue => ({
  field: 'id',
  message: `The library already holds a different entry with id "${existingId}": this row needs another entry id.`,
  source: 'server',
})

/**
 * Looks entries up by id. Ours -> imported (confirmed by lookup); someone else's under our id
 * -> conflict on `id`; not there -> absent.
 */
export async function reconcileByIds(
  api: ImportApi,
  rules: RetryRules,
  entries: readonly PreparedEntry[],
): Promise<Reconciled> {
  if (entries.length === 0) return { settled: [], absent: [] }
  const found = await retryLookup(
    () =>
      api.getEntriesByIds(
        entries.map((p) => p.entry.id),
        rules.signal,
      ),
    rules,
  )
  const byId = new Map(found.map((e) => [e.id, e]))
  const out: Reconciled = { settled: [], absent: [] }
  for (const prepared of entries) {
    const { entry } = prepared
    const existing = byId.get(entry.id)
    if (!existing) out.absent.push(prepared)
    else if (isOurs(entry, existing)) {
      out.settled.push({
        id: entry.id,
        status: 'imported',
        mediaId: existing.id,
        record: existing.record,
        confirmedBy: 'lookup',
      })
    } else {
      out.settled.push({
        id: entry.id,
        status: 'conflict',
        conflict: conflictWith('id', existing),
        issues: [idIssue(existing.id)],
      })
    }
  }
  return out
}

/**
 * The server refused entries because their systemName+externalId is taken. If the holder is our
 * own entry (same id) it was imported before; otherwise the row becomes a conflict naming the
 * holder, for the editor to link to it or change the externalId.
 */
export async function resolveExternalIdClashes(
  api: ImportApi,
  rules: RetryRules,
  entries: readonly PreparedEntry[],
): Promise<Reconciled> {
  const out: Reconciled = { settled: [], absent: [] }
  for (const prepared of entries) {
    const { entry } = prepared
    const { systemName, externalId } = entry
    if (!systemName || !externalId) {
      out.absent.push(prepared)
      continue
    }
    const found = await retryLookup(() => api.findByExternalId(systemName, externalId, rules.signal), rules)
    const holder = found[0]
    if (!holder) {
      out.absent.push(prepared)
    } else if (holder.id === entry.id) {
      out.settled.push({
        id: entry.id,
        status: 'imported',
        mediaId: holder.id,
        record: holder.record,
        confirmedBy: 'lookup',
      })
    } else {
      const message = `The library already holds entry ${holder.id} with externalId "${externalId}" (systemName "${systemName}"): link this row to it or change the externalId.`
      out.settled.push({
        id: entry.id,
        status: 'conflict',
        conflict: conflictWith('externalId', holder),
        issues: [{ field: 'externalId', message, source: 'server' }],
      })
    }
  }
  return out
}
