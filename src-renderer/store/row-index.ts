/**
 * Where a row is in the list the grid shows. Built once per list (a sort, a filter, rows coming
 * or going) and then a map lookup: rows ask on every render whether the range covers them, and
 * `indexOf` over 50,000 ids per row per render would cost frames.
 */
const cache = new WeakMap<readonly string[], Map<string, number>>()

export function rowIndexIn(ids: readonly string[]): (id: string) => number {
  let index = cache.get(ids)
  if (!index) {
    index = new Map()
    for (let i = 0; i < ids.length; i++) index.set(ids[i] as string, i)
    cache.set(ids, index)
  }
  const found = index
  return (id) => found.get(id) ?? -1
}
