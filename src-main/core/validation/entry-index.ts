/**
 * Who uses which entry id and which `systemName`+`externalId` across the session, plus what the
 * pre-flight lookup found in the library. Built once per validation pass over all rows, so each
 * row's uniqueness checks are map lookups instead of a scan of the session.
 */
import type { RowEntry } from '../session/row'
import type { LibraryEntry } from '../livingdocs/types'

export interface EntryIndex {
  /** entry id -> rowIds that use it */
  ids: Map<string, string[]>
  /** externalKey(systemName, externalId) -> rowIds that use it */
  externalIds: Map<string, string[]>
  /** externalKey -> the library entry holding it (pre-flight lookup) */
  library: Map<string, LibraryEntry>
}

export const externalKey = (systemName: string, externalId: string): string => `${systemName}\u0000${externalId}`

/** The systemName an entry is sent with: its own, else the session-wide one. */
export function effectiveSystemName(
  entry: Pick<RowEntry, 'systemName'>,
  defaultSystemName?: string,
): string | undefined {
  const own = entry.systemName?.trim()
  if (own) return entry.systemName
  return defaultSystemName?.trim() ? defaultSystemName : undefined
}

const add = (map: Map<string, string[]>, key: string, rowId: string): void => {
  const list = map.get(key)
  if (list) list.push(rowId)
  else map.set(key, [rowId])
}

export function buildEntryIndex(
  rows: readonly { rowId: string; entry: RowEntry }[],
  options: { defaultSystemName?: string; library?: readonly LibraryEntry[] } = {},
): EntryIndex {
  const index: EntryIndex = { ids: new Map(), externalIds: new Map(), library: new Map() }
  for (const { rowId, entry } of rows) {
    if (entry.id) add(index.ids, entry.id, rowId)
    const systemName = effectiveSystemName(entry, options.defaultSystemName)
    if (systemName && entry.externalId?.trim()) add(index.externalIds, externalKey(systemName, entry.externalId), rowId)
  }
  for (const found of options.library ?? []) {
    if (found.systemName && found.externalId) index.library.set(externalKey(found.systemName, found.externalId), found)
  }
  return index
}
