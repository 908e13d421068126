/**
 * Before a submit: which entries' `systemName`+`externalId` the library already holds. The
 * result feeds the validation index, so such rows show a conflict (link or change the
 * externalId) before anything is sent. The externalIds of one systemName are asked many per
 * request (`externalIds=a,b`, see the client), a few requests at a time; each pair is asked once.
 */
import { Slots } from '../concurrency/slots'
import { IDS_PER_LOOKUP } from '../livingdocs/client'
import type { LibraryEntry } from '../model/livingdocs'
import { effectiveSystemName, externalKey } from '../validation/entry-index'
import type { RowEntry } from '../model/row'
import { lookupRules, retryLookup, type ImportApi, type RetryRules } from './lookups'

export interface PreflightOptions {
  defaultSystemName?: string
  /** Lookups in flight at once; default 4. */
  concurrency?: number
  signal?: AbortSignal
  rules?: Partial<RetryRules>
  onProgress?: (done: number, total: number) => void
}

/** externalIds per lookup request, as the client chunks them (IDS_PER_LOOKUP). */
const PER_REQUEST = IDS_PER_LOOKUP

export async function preflightLookup(
  api: Pick<ImportApi, 'findByExternalIds'>,
  entries: readonly Pick<RowEntry, 'systemName' | 'externalId'>[],
  options: PreflightOptions = {},
): Promise<LibraryEntry[]> {
  const pairs = new Map<string, [string, string]>()
  for (const entry of entries) {
    const systemName = effectiveSystemName(entry, options.defaultSystemName)
    const externalId = entry.externalId?.trim() ? entry.externalId : undefined
    if (systemName && externalId) pairs.set(externalKey(systemName, externalId), [systemName, externalId])
  }
  const rules = lookupRules({ maxAttempts: 4, maxRetryAfterMs: 60_000 }, options.signal, options.rules)
  const bySystem = new Map<string, string[]>()
  for (const [systemName, externalId] of pairs.values()) {
    bySystem.set(systemName, [...(bySystem.get(systemName) ?? []), externalId])
  }
  const todo: [string, string[]][] = []
  for (const [systemName, ids] of bySystem) {
    for (let i = 0; i < ids.length; i += PER_REQUEST) todo.push([systemName, ids.slice(i, i + PER_REQUEST)])
  }
  const found: LibraryEntry[] = []
  let done = 0
  const slots = new Slots(Math.max(1, options.concurrency ?? 4))
  let failed = false
  const lookup = async ([systemName, externalIds]: [string, string[]]): Promise<void> => {
    if (failed) return // the pre-flight has failed already: ask no more
    const hits = await retryLookup(() => api.findByExternalIds(systemName, externalIds, options.signal), rules).catch(
      (err: unknown) => {
        failed = true
        throw err
      },
    )
    // The client already dropped hits naming another pair; a record that omits its systemName is this one's.
    found.push(...hits.map((h) => ({ ...h, systemName })))
    done += externalIds.length
    options.onProgress?.(done, pairs.size)
  }
  // No signal for the slots: a cancel ends the lookups in flight, and their error is the one thrown.
  await Promise.all(todo.map((request) => slots.run(() => lookup(request))))
  return found
}
