/**
 * The grid's cursor effects, apart from the grid itself so moving the active cell re-renders
 * nothing but the two rows concerned: the active cell is kept in view (down and sideways, clear
 * of the pinned columns at either edge), `aria-activedescendant` names it, and the focus comes back to the grid
 * when an editor closes, so the keys keep working.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'
import { useAppStore } from '../store/app-store'
import { rowIndexIn } from '../store/row-index'
import type { GridColumn } from './column-model'
import { cellDomId } from './GridCell'

interface Props {
  gridRef: RefObject<HTMLDivElement | null>
  /** Scrolls the least that shows the row (use-row-window.ts). */
  scrollToRow(index: number): void
  shown: readonly GridColumn[]
  pinned: number
  /** Trailing columns held at the right edge (the state): the view ends before them. */
  pinnedEnd: number
}

export function GridFocus({ gridRef, scrollToRow, shown, pinned, pinnedEnd }: Props) {
  const active = useAppStore((s) => s.active)
  const editing = useAppStore((s) => s.editing !== null)
  const rowIds = useAppStore((s) => s.rowView.ids)
  const activeIndex = active ? rowIndexIn(rowIds)(active.rowId) : -1

  // Before the paint: a row scrolled to from far away is drawn in the same frame.
  useLayoutEffect(() => {
    if (activeIndex >= 0) scrollToRow(activeIndex)
  }, [activeIndex, scrollToRow])

  // Sideways at the start of the next frame: reading the scroll offset now would lay the page out
  // inside the key's handler, and the frame would lay it out again.
  useEffect(() => {
    const grid = gridRef.current
    const at = active ? shown.findIndex((c) => c.id === active.columnId) : -1
    const end = shown.length - pinnedEnd
    if (!grid || at === -1 || at < pinned || at >= end) return
    const left = shown.slice(0, at).reduce((sum, c) => sum + c.width, 0)
    const right = left + (shown[at]?.width ?? 0)
    const pinnedWidth = shown.slice(0, pinned).reduce((sum, c) => sum + c.width, 0)
    const trailingWidth = shown.slice(end).reduce((sum, c) => sum + c.width, 0)
    const frame = requestAnimationFrame(() => {
      const view = grid.clientWidth - trailingWidth
      if (left - pinnedWidth < grid.scrollLeft) grid.scrollLeft = left - pinnedWidth
      else if (right > grid.scrollLeft + view) grid.scrollLeft = right - view
    })
    return () => cancelAnimationFrame(frame)
  }, [gridRef, active, shown, pinned, pinnedEnd])

  useEffect(() => {
    const grid = gridRef.current
    if (!grid) return
    if (active && activeIndex >= 0 && !editing)
      grid.setAttribute('aria-activedescendant', cellDomId(active.rowId, active.columnId))
    else grid.removeAttribute('aria-activedescendant')
  }, [gridRef, active, activeIndex, editing])

  const wasEditing = useRef(false)
  useEffect(() => {
    const grid = gridRef.current
    // Usually the key that closed the editor has already focused the grid (use-grid-input.ts).
    if (wasEditing.current && !editing && grid && document.activeElement !== grid) grid.focus({ preventScroll: true })
    wasEditing.current = editing
  }, [gridRef, editing])

  return null
}
