/**
 * The one identity index: who uses which entry id and which `systemName`+`externalId` across the
 * session, plus what the pre-flight lookup found in the library, so each row's uniqueness checks
 * are map lookups instead of a scan of the session. A validation pass builds it whole
 * (`buildEntryIndex`); the editor keeps one up to date row by row (`IdentityIndex`), so an edit
 * re-checks uniqueness without a pass over 50,000 rows and learns which other rows an identity
 * change concerns (the row that shared an id is no longer a duplicate once one of the two changes).
 */
import type { RowEntry } from '../model/row'
import type { LibraryEntry } from '../model/livingdocs'

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

interface Keys {
  id?: string
  external?: string
}

/** The keys an entry is unique under. */
function keysOf(entry: RowEntry, defaultSystemName: string | undefined): Keys {
  const keys: Keys = {}
  if (entry.id) keys.id = entry.id
  const systemName = effectiveSystemName(entry, defaultSystemName)
  if (systemName && entry.externalId?.trim()) keys.external = externalKey(systemName, entry.externalId)
  return keys
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
    const keys = keysOf(entry, options.defaultSystemName)
    if (keys.id !== undefined) add(index.ids, keys.id, rowId)
    if (keys.external !== undefined) add(index.externalIds, keys.external, rowId)
  }
  for (const found of options.library ?? []) {
    if (found.systemName && found.externalId) index.library.set(externalKey(found.systemName, found.externalId), found)
  }
  return index
}

/** An `EntryIndex` kept up to date row by row. */
export class IdentityIndex {
  readonly index: EntryIndex = { ids: new Map(), externalIds: new Map(), library: new Map() }
  private readonly keys = new Map<string, Keys>()

  constructor(private readonly defaultSystemName: () => string | undefined) {}

  /**
   * Puts the row's entry under its keys (or takes it out, with no entry). Returns the rows that
   * shared an old or a new key with it: their uniqueness may have changed.
   */
  set(rowId: string, entry: RowEntry | undefined): string[] {
    const before = this.keys.get(rowId) ?? {}
    const after = entry ? keysOf(entry, this.defaultSystemName()) : {}
    if (before.id === after.id && before.external === after.external) return []
    const touched = new Set<string>()
    const move = (map: Map<string, string[]>, from?: string, to?: string): void => {
      if (from === to) return
      if (from !== undefined) {
        const rest = (map.get(from) ?? []).filter((id) => id !== rowId)
        rest.forEach((id) => touched.add(id))
        if (rest.length > 0) map.set(from, rest)
        else map.delete(from)
      }
      if (to !== undefined) {
        map.get(to)?.forEach((id) => touched.add(id))
        add(map, to, rowId)
      }
    }
    move(this.index.ids, before.id, after.id)
    move(this.index.externalIds, before.external, after.external)
    if (entry) this.keys.set(rowId, after)
    else this.keys.delete(rowId)
    return [...touched]
  }
}
