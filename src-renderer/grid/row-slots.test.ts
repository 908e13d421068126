import { describe, expect, it } from 'vitest'
import { assignSlots } from './row-slots'

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

describe('assignSlots', () => {
  it('gives each index in view its own slot', () => {
    const slots = assignSlots(new Map(), range(0, 5))
    expect([...slots.values()].sort()).toEqual([0, 1, 2, 3, 4])
  })

  it('keeps the slots of rows that stay in view and hands freed slots to rows coming in', () => {
    const before = assignSlots(new Map(), range(0, 5))
    const after = assignSlots(before, range(2, 7))
    for (const index of [2, 3, 4]) expect(after.get(index)).toBe(before.get(index))
    expect(new Set([after.get(5), after.get(6)])).toEqual(new Set([before.get(0), before.get(1)]))
    expect(new Set(after.values()).size).toBe(5)
  })

  it('a jump far away reuses every slot, and more rows in view get new slots', () => {
    const before = assignSlots(new Map(), range(0, 5))
    const jumped = assignSlots(before, range(40_000, 40_007))
    expect(new Set(jumped.values())).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]))
  })
})
