/**
 * Pairs the items of an import answer with the entries sent: by id first (the item's `id`,
 * `record.id` or `correlation`), then by position for items that name no id we sent. Entries
 * that get no item are `missing`: their fate is unknown and must be looked up. Pure.
 */
import type { ImportItem } from '../model/livingdocs'

export interface MatchedResults {
  byId: Map<string, ImportItem>
  /** Sent ids the answer says nothing about. */
  missing: string[]
}

export function matchResults(sentIds: readonly string[], items: readonly ImportItem[]): MatchedResults {
  const sent = new Set(sentIds)
  const byId = new Map<string, ImportItem>()
  const positional: number[] = []
  items.forEach((item, index) => {
    if (item.id !== undefined && sent.has(item.id) && !byId.has(item.id)) byId.set(item.id, item)
    else if (item.id === undefined) positional.push(index)
  })
  for (const index of positional) {
    const id = sentIds[index]
    const item = items[index]
    if (id !== undefined && item !== undefined && !byId.has(id)) byId.set(id, { ...item, id })
  }
  return { byId, missing: sentIds.filter((id) => !byId.has(id)) }
}
