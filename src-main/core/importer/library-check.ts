/**
 * "Is this file already in the library?", asked right after the probe gives a row its sha256 and
 * before its upload: the rows' content identities (content-identity.ts) are looked up many per
 * request (`GET /mediaLibrary?systemName=&externalIds=a,b`), grouped by systemName, with the
 * importer's retries. A row the library holds is not uploaded; a lookup that fails holds nothing
 * back, because the content identity still makes the server refuse a second entry at submit.
 */
import type { LibraryEntry } from '../model/livingdocs'
import type { Row } from '../model/row'
import { effectiveSystemName } from '../validation/entry-index'
import { editorExternalId, rowContentId } from './content-identity'
import { lookupRules, retryLookup, type ImportApi, type RetryRules } from './lookups'

export interface ContentTarget {
  rowId: string
  systemName: string
  contentId: string
  /** The editor set an externalId: a hit is a warning on the row, not "already in the library". */
  editorOwned: boolean
}

/** The identity each row is looked up by; rows without a sha256 or a systemName have none. */
export function contentTargets(rows: readonly Row[], defaultSystemName?: string): ContentTarget[] {
  const out: ContentTarget[] = []
  for (const row of rows) {
    const contentId = rowContentId(row)
    const systemName = row.entry ? effectiveSystemName(row.entry, defaultSystemName) : defaultSystemName
    if (!contentId || !systemName?.trim()) continue
    out.push({ rowId: row.rowId, systemName, contentId, editorOwned: editorExternalId(row) !== undefined })
  }
  return out
}

/** The lookups' retries: a few quick tries, then uploads go ahead (the server still refuses a duplicate). */
export const contentLookupRules = (signal?: AbortSignal, overrides?: Partial<RetryRules>): RetryRules =>
  lookupRules({ maxAttempts: 3, maxRetryAfterMs: 30_000 }, signal, overrides)

/** rowId -> the library entry holding that row's content. Throws when a lookup fails for good. */
export async function lookUpContent(
  api: Pick<ImportApi, 'findByExternalIds'>,
  targets: readonly ContentTarget[],
  options: { signal?: AbortSignal; rules?: Partial<RetryRules> } = {},
): Promise<Map<string, LibraryEntry>> {
  const rules = contentLookupRules(options.signal, options.rules)
  const bySystem = new Map<string, ContentTarget[]>()
  for (const target of targets) bySystem.set(target.systemName, [...(bySystem.get(target.systemName) ?? []), target])
  const found = new Map<string, LibraryEntry>()
  for (const [systemName, list] of bySystem) {
    const ids = [...new Set(list.map((t) => t.contentId))]
    const hits = await retryLookup(() => api.findByExternalIds(systemName, ids, options.signal), rules)
    const byId = new Map(hits.map((hit) => [hit.externalId, { ...hit, systemName: hit.systemName ?? systemName }]))
    for (const target of list) {
      const hit = byId.get(target.contentId)
      if (hit) found.set(target.rowId, hit)
    }
  }
  return found
}
