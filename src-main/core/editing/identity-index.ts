/**
 * Who uses which entry id and which systemName+externalId, kept up to date row by row, so an
 * edit re-checks uniqueness with map lookups instead of a pass over 50,000 rows. It answers as
 * the validation's `EntryIndex` does, and says which other rows an identity change concerns
 * (the row that shared an id is no longer a duplicate once one of the two changes).
 */
import type { RowEntry } from '../session/row'
import { effectiveSystemName, externalKey, type EntryIndex } from '../validation/entry-index'

interface Keys {
  id?: string
  external?: string
}

export class IdentityIndex {
  readonly index: EntryIndex = { ids: new Map(), externalIds: new Map(), library: new Map() }
  private readonly keysOf = new Map<string, Keys>()

  constructor(private readonly defaultSystemName: () => string | undefined) {}

  /**
   * Puts the row's entry under its keys (or takes it out, with no entry). Returns the rows that
   * shared an old or a new key with it: their uniqueness may have changed.
   */
  set(rowId: string, entry: RowEntry | undefined): string[] {
    const before = this.keysOf.get(rowId) ?? {}
    const after = entry ? this.keys(entry) : {}
    if (before.id === after.id && before.external === after.external) return []
    const touched = new Set<string>()
    const move = (map: Map<string, string[]>, from?: string, to?: string): void => {
      if (from === to) return
      if (from !== undefined) {
        const group = map.get(from) ?? []
        const rest = group.filter((id) => id !== rowId)
        rest.forEach((id) => touched.add(id))
        if (rest.length > 0) map.set(from, rest)
        else map.delete(from)
      }
      if (to !== undefined) {
        const group = map.get(to) ?? []
        group.forEach((id) => touched.add(id))
        map.set(to, [...group, rowId])
      }
    }
    move(this.index.ids, before.id, after.id)
    move(this.index.externalIds, before.external, after.external)
    if (entry) this.keysOf.set(rowId, after)
    else this.keysOf.delete(rowId)
    return [...touched]
  }

  private keys(entry: RowEntry): Keys {
    const keys: Keys = {}
    if (entry.id) keys.id = entry.id
    const systemName = effectiveSystemName(entry, this.defaultSystemName())
    if (systemName && entry.externalId?.trim()) keys.external = externalKey(systemName, entry.externalId)
    return keys
  }
}
