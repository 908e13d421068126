/**
 * Which DOM row shows which list index. Rows are keyed by slot, not by file: when the grid
 * scrolls, a slot whose row left the view takes a row that came in, so React updates the cells'
 * text and attributes in place instead of tearing a screenful of elements down and building it
 * again (a jump through 50,000 rows replaces every row in view, every frame). A row that stays
 * in view keeps its slot, so a small scroll touches only the rows that came in. Pure.
 */
export type SlotMap = ReadonlyMap<number, number>

export function assignSlots(previous: SlotMap, indices: readonly number[]): SlotMap {
  const next = new Map<number, number>()
  const used = new Set<number>()
  for (const index of indices) {
    const slot = previous.get(index)
    if (slot !== undefined) {
      next.set(index, slot)
      used.add(slot)
    }
  }
  const free: number[] = []
  for (const slot of previous.values()) if (!used.has(slot)) free.push(slot)
  free.sort((a, b) => b - a)
  let fresh = previous.size === 0 ? 0 : Math.max(...previous.values()) + 1
  for (const index of indices) {
    if (next.has(index)) continue
    const slot = free.pop() ?? fresh++
    next.set(index, slot)
  }
  return next
}
