/**
 * Rows that were `submitting` when the process died: the server may or may not hold their entries.
 * Before anything is sent again each is looked up by its entry id (`GET /mediaLibrary?ids=`): ours
 * becomes imported, someone else's under our id a conflict, and an absent one ready to go again.
 */
import { buildImportEntry } from '../livingdocs/entry-builder'
import { findMediaType } from '../../../src-shared/project/project-model'
import type { ProjectModel } from '../model/livingdocs'
import type { Row } from '../model/row'
import { prepareEntry } from './batching'
import { lookupRules, type ImportApi } from './lookups'
import type { EntryOutcome } from '../model/outcome'
import { reconcileByIds } from './reconcile'
import { draftOf } from '../pipeline/row-assets'

export const INTERRUPTED_REASON =
  'The previous run stopped while this row was being sent; the library does not hold it, so it goes again with the same entry id.'

export interface InterruptedResult {
  /** rowId -> the outcome the lookup settled. */
  settled: Map<string, EntryOutcome>
  /** Rows the library does not hold: safe to send again. */
  absent: string[]
}

export async function reconcileInterrupted(
  api: ImportApi,
  model: ProjectModel,
  rows: readonly Row[],
  options: { defaultSystemName?: string; signal?: AbortSignal } = {},
): Promise<InterruptedResult> {
  const rowOf = new Map<string, string>()
  const prepared = rows.map((row) => {
    const kind = findMediaType(model, row.entry?.mediaType)?.kind ?? row.kind ?? 'file'
    const entry = buildImportEntry(draftOf(row), kind, options.defaultSystemName)
    rowOf.set(entry.id, row.rowId)
    return prepareEntry(entry)
  })
  const rules = lookupRules({ maxAttempts: 4, maxRetryAfterMs: 60_000 }, options.signal)
  const { settled, absent } = await reconcileByIds(api, rules, prepared)
  const out: InterruptedResult = { settled: new Map(), absent: [] }
  for (const outcome of settled) out.settled.set(rowOf.get(outcome.id) ?? outcome.id, outcome)
  for (const p of absent) out.absent.push(rowOf.get(p.entry.id) ?? p.entry.id)
  return out
}
