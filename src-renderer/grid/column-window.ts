/**
 * Which columns are in view sideways. A project config easily gives forty columns; rendering only
 * those in view (plus one on each side, and the pinned ones) keeps a screenful of rows at a few
 * hundred cells, which is what decides how fast the grid scrolls. Pinned columns lead (row box,
 * preview, file) or trail (the row's state, held at the right edge): the trailing ones narrow the
 * view the scrolling columns pass through. Pure, plus a hook that follows the scroll position and
 * the grid's width.
 */
import { useCallback, useEffect, useState } from 'react'
import type { RefObject } from 'react'
import type { GridColumn } from './column-model'

export interface ColumnWindow {
  /** Leading columns that stay put (rendered always). */
  pinned: number
  /** The first of the trailing columns that stay put (rendered always); the column count when none. */
  end: number
  from: number
  to: number
}

export function columnWindow(
  columns: readonly GridColumn[],
  pinned: number,
  scrollLeft: number,
  width: number,
  pinnedEnd = 0,
): ColumnWindow {
  const endIndex = Math.max(pinned, columns.length - pinnedEnd)
  let left = 0
  let pinnedWidth = 0
  let trailingWidth = 0
  for (let i = 0; i < pinned; i++) pinnedWidth += columns[i]?.width ?? 0
  for (let i = endIndex; i < columns.length; i++) trailingWidth += columns[i]?.width ?? 0
  const start = scrollLeft + pinnedWidth
  const stop = scrollLeft + Math.max(width - trailingWidth, 1)
  let from = columns.length
  let to = -1
  columns.forEach((column, i) => {
    const right = left + column.width
    if (i >= pinned && i < endIndex && right > start && left < stop) {
      from = Math.min(from, i)
      to = Math.max(to, i)
    }
    left = right
  })
  const end = endIndex
  if (to === -1) return { pinned, end, from: pinned, to: Math.min(end - 1, pinned) }
  return { pinned, end, from: Math.max(pinned, from - 1), to: Math.min(end - 1, to + 1) }
}

export const inWindow = (w: ColumnWindow, index: number): boolean =>
  index < w.pinned || index >= w.end || (index >= w.from && index <= w.to)

const same = (a: ColumnWindow, b: ColumnWindow): boolean =>
  a.pinned === b.pinned && a.end === b.end && a.from === b.from && a.to === b.to

export function useColumnWindow(
  ref: RefObject<HTMLDivElement | null>,
  columns: readonly GridColumn[],
  pinned: number,
  pinnedEnd: number,
) {
  const [window, setWindow] = useState<ColumnWindow>(() => columnWindow(columns, pinned, 0, 1600, pinnedEnd))
  const update = useCallback(() => {
    const grid = ref.current
    if (!grid) return
    const next = columnWindow(columns, pinned, grid.scrollLeft, grid.clientWidth, pinnedEnd)
    setWindow((current) => (same(current, next) ? current : next))
  }, [ref, columns, pinned, pinnedEnd])
  useEffect(() => {
    update()
    const grid = ref.current
    if (!grid || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(update)
    observer.observe(grid)
    return () => observer.disconnect()
  }, [ref, update])
  return { window, onScroll: update }
}
