/**
 * Before a submit: which entries' `systemName`+`externalId` the library already holds. The
 * result feeds the validation index, so such rows show a conflict (link or change the
 * externalId) before anything is sent. Lookups run a few at a time; each pair is asked once.
 */
import type { LibraryEntry } from '../livingdocs/types'
import { effectiveSystemName, externalKey } from '../validation/entry-index'
import type { RowEntry } from '../session/row'
import { abortableSleep, withRetries, type ImportApi, type RetryRules } from './lookups'
import { DEFAULT_BACKOFF } from './backoff'

export interface PreflightOptions {
  defaultSystemName?: string
  /** Lookups in flight at once; default 4. */
  concurrency?: number
  signal?: AbortSignal
  rules?: Partial<RetryRules>
  onProgress?: (done: number, total: number) => void
}

export async function preflightLookup(
  api: Pick<ImportApi, 'findByExternalId'>,
  entries: readonly Pick<RowEntry, 'systemName' | 'externalId'>[],
  options: PreflightOptions = {},
): Promise<LibraryEntry[]> {
  const pairs = new Map<string, [string, string]>()
  for (const entry of entries) {
    const systemName = effectiveSystemName(entry, options.defaultSystemName)
    const externalId = entry.externalId?.trim() ? entry.externalId : undefined
    if (systemName && externalId) pairs.set(externalKey(systemName, externalId), [systemName, externalId])
  }
  const rules: RetryRules = {
    maxAttempts: 4,
    backoff: DEFAULT_BACKOFF,
    maxRetryAfterMs: 60_000,
    random: Math.random,
    sleep: abortableSleep,
    ...(options.signal ? { signal: options.signal } : {}),
    ...options.rules,
  }
  const todo = [...pairs.values()]
  const found: LibraryEntry[] = []
  let done = 0
  const worker = async (): Promise<void> => {
    for (let next = todo.shift(); next; next = todo.shift()) {
      const [systemName, externalId] = next
      const hits = await withRetries(() => api.findByExternalId(systemName, externalId, options.signal), rules)
      // The client already dropped hits naming another pair; records that omit the pair still belong to it.
      found.push(...hits.map((h) => ({ ...h, systemName, externalId })))
      options.onProgress?.(++done, pairs.size)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker))
  return found
}
