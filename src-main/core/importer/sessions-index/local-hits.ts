/**
 * What the sessions index adds to the library lookup of content-check.ts. The library stays the
 * authority whenever it answers:
 * - the lookup answered and found the content: that answer is used (the index is not asked);
 * - the lookup answered "not held", but a session of this computer imported the same bytes (under
 *   an editor's own externalId, or as "Import again"): the library is asked for that media id —
 *   held, the row is "Already in the library"; gone (deleted in Livingdocs since), it is imported
 *   again; that question failing too, the index is believed;
 * - the lookup failed (network, 5xx): the index is believed, so a file this computer imported is
 *   neither uploaded nor sent while the library cannot be asked.
 */
import { posix } from 'node:path'
import { alreadyInLibrary, holderOf } from '../content-identity'
import type { AlreadyInLibrary } from '../../model/row'
import { retryLookup, type ImportApi, type RetryRules } from '../lookups'
import { sessionWhere, type SessionHit } from './sessions-index'

/** The facts the row records when the index alone says where its content is. */
export function fromSession(hit: SessionHit): AlreadyInLibrary {
  return alreadyInLibrary(
    {
      mediaId: hit.mediaId,
      ...(hit.createdAt ? { createdAt: hit.createdAt } : {}),
      ...(hit.systemName ? { systemName: hit.systemName } : {}),
      filename: posix.basename(hit.relativePath),
    },
    sessionWhere(hit),
  )
}

/**
 * rowId -> what to record, for rows the library lookup did not place. `libraryAnswered`: the
 * lookup answered (those rows are not under their content identity there).
 */
export async function confirmSessionHits(
  api: Pick<ImportApi, 'getEntriesByIds'>,
  hits: ReadonlyMap<string, SessionHit>,
  libraryAnswered: boolean,
  rules: RetryRules,
): Promise<Map<string, AlreadyInLibrary>> {
  const out = new Map<string, AlreadyInLibrary>()
  if (hits.size === 0) return out
  let held: Map<string, ReturnType<typeof holderOf>> | undefined
  if (libraryAnswered) {
    const ids = [...new Set([...hits.values()].map((hit) => hit.mediaId))]
    held = await retryLookup(() => api.getEntriesByIds(ids, rules.signal), rules).then(
      (entries) => new Map(entries.map((entry) => [entry.id, holderOf(entry)])),
      () => undefined,
    )
  }
  for (const [rowId, hit] of hits) {
    if (!held) {
      out.set(rowId, fromSession(hit))
      continue
    }
    const entry = held.get(hit.mediaId)
    // Deleted in Livingdocs since that session: the row is imported again.
    if (!entry) continue
    const filename = entry.filename ?? posix.basename(hit.relativePath)
    out.set(rowId, alreadyInLibrary({ ...entry, filename }, sessionWhere(hit)))
  }
  return out
}
