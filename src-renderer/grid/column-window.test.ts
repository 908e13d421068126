import { describe, expect, it } from 'vitest'
import type { GridColumn } from './column-model'
import { columnWindow, inWindow } from './column-window'

const columns = Array.from({ length: 20 }, (_, i): GridColumn => ({
  id: `c${i}`,
  label: `C${i}`,
  kind: 'property',
  width: 100,
}))

describe('columnWindow', () => {
  it('covers the columns in view plus one each side, after the pinned ones', () => {
    // 3 pinned (300 px); view 800 px wide scrolled 500 px: x 800..1300 -> columns 8..12.
    const w = columnWindow(columns, 3, 500, 800)
    expect(w).toEqual({ pinned: 3, end: 20, from: 7, to: 13 })
    expect([0, 2, 6, 7, 13, 14].map((i) => inWindow(w, i))).toEqual([true, true, false, true, true, false])
  })

  it('starts right after the pinned columns and stops at the last column', () => {
    expect(columnWindow(columns, 2, 0, 500)).toEqual({ pinned: 2, end: 20, from: 2, to: 5 })
    expect(columnWindow(columns, 0, 1800, 500)).toEqual({ pinned: 0, end: 20, from: 17, to: 19 })
  })

  it('keeps a trailing pinned column drawn and takes its width off the view', () => {
    // 3 pinned, 1 trailing (the state); view 800 px at 0: x 300..700 -> columns 3..6, column 19 always.
    const w = columnWindow(columns, 3, 0, 800, 1)
    expect(w).toEqual({ pinned: 3, end: 19, from: 3, to: 7 })
    expect([2, 8, 18, 19].map((i) => inWindow(w, i))).toEqual([true, false, false, true])
    // Scrolled to the end: the scrolling columns stop before the trailing one.
    expect(columnWindow(columns, 3, 1200, 800, 1)).toEqual({ pinned: 3, end: 19, from: 14, to: 18 })
  })
})
