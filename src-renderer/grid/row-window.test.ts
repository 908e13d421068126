import { describe, expect, it } from 'vitest'
import { covers, rowWindow, scrollTopToShow } from './row-window'

const geometry = { rowHeight: 32, headerHeight: 36 }

describe('rowWindow', () => {
  it('draws the rows under the header down to the bottom edge, plus the overscan', () => {
    // A 356 px box: 320 px below the header, ten rows.
    expect(rowWindow(geometry, 0, 356, 50_000, 0)).toEqual({ start: 0, end: 10 })
    expect(rowWindow(geometry, 0, 356, 50_000, 2)).toEqual({ start: 0, end: 12 })
    // Scrolled by half a row: row 0 is half under the header, row 10 half shown at the bottom.
    expect(rowWindow(geometry, 16, 356, 50_000, 0)).toEqual({ start: 0, end: 11 })
    expect(rowWindow(geometry, 3_200, 356, 50_000, 2)).toEqual({ start: 98, end: 112 })
  })

  it('stays inside the list at both ends and with no rows', () => {
    expect(rowWindow(geometry, 32 * 49_995, 356, 50_000, 2)).toEqual({ start: 49_993, end: 50_000 })
    expect(rowWindow(geometry, 0, 356, 3, 2)).toEqual({ start: 0, end: 3 })
    expect(rowWindow(geometry, 500, 356, 0, 2)).toEqual({ start: 0, end: 0 })
    // A list that shrank below the scroll offset (a filter) draws nothing until the box scrolls back.
    expect(rowWindow(geometry, 32 * 1_000, 356, 10, 2)).toEqual({ start: 10, end: 10 })
  })

  it('a view inside the drawn rows is covered; one past them is not', () => {
    const drawn = rowWindow(geometry, 0, 356, 50_000, 2)
    expect(covers(drawn, rowWindow(geometry, 64, 356, 50_000, 0))).toBe(true)
    expect(covers(drawn, rowWindow(geometry, 96, 356, 50_000, 0))).toBe(false)
  })
})

describe('scrollTopToShow', () => {
  it('leaves a row in view alone', () => {
    expect(scrollTopToShow(geometry, 0, 0, 356)).toBeNull()
    expect(scrollTopToShow(geometry, 9, 0, 356)).toBeNull()
  })

  it('moving down puts the row on the bottom edge; moving up puts it under the header', () => {
    expect(scrollTopToShow(geometry, 10, 0, 356)).toBe(32)
    expect(scrollTopToShow(geometry, 40_000, 0, 356)).toBe(36 + 40_001 * 32 - 356)
    expect(scrollTopToShow(geometry, 5, 320, 356)).toBe(160)
    // Half under the header counts as out of view.
    expect(scrollTopToShow(geometry, 0, 16, 356)).toBe(0)
  })
})
