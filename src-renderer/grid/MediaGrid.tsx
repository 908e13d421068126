/**
 * One row per dropped file, for 50,000 files as for 5. react-virtual works over the whole id
 * list; TanStack holds the column model the headers are drawn from (the project's columns in the
 * editor's layout) and no rows: its row model was rebuilt on every scrolled frame (a row object
 * and a cell object with closures per column, a thousand per frame) for nothing a row needs.
 * Rows are drawn from the ids in view, in DOM rows that are recycled as the view moves
 * (row-slots.ts). The grid element keeps the focus while the
 * editor moves around (aria-activedescendant names the active cell); an open editor has its own.
 * ARIA grid roles carry the table semantics that a virtualised <table> would lose.
 */
import { getCoreRowModel, useReactTable } from '@tanstack/react-table'
import type { ColumnDef } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useMemo, useRef } from 'react'
import type { CSSProperties } from 'react'
import { useAppStore } from '../store/app-store'
import type { GridColumn } from './column-model'
import { useColumnWindow } from './column-window'
import { GridFocus } from './GridFocus'
import { GridHeader } from './GridHeader'
import { GridRow, HEADER_HEIGHT, ROW_HEIGHT } from './GridRow'
import { assignSlots, type SlotMap } from './row-slots'
import { useGridInput } from './use-grid-input'

const PINNED = new Set(['select', 'thumbnail', 'path'])
const NO_ROWS: string[] = []

/** The row box, preview and file name stay in view while scrolling sideways, when they lead the columns. */
function pinnedOffsets(columns: readonly GridColumn[]): Record<string, string> {
  const out: Record<string, string> = {}
  let left = 0
  for (const column of columns) {
    if (!PINNED.has(column.id)) break
    out[`--pin-${column.id}`] = `${left}px`
    left += column.width
  }
  return out
}

export function MediaGrid() {
  const rowIds = useAppStore((s) => s.rowView.ids)
  const shown = useAppStore((s) => s.shownColumns)
  const scrollRef = useRef<HTMLDivElement>(null)
  // Stable between renders: the virtualiser recomputes every row's measurement when it changes.
  const getItemKey = useCallback((index: number) => rowIds[index] ?? index, [rowIds])
  const virtualizer = useVirtualizer({
    count: rowIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits above the first row inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    // Two rows beyond the view: the arrow keys find their row drawn (GridFocus scrolls to any
    // other), and a jump through the list redraws as few rows as the view needs.
    overscan: 2,
    getItemKey,
  })
  const items = virtualizer.getVirtualItems()
  const slotsRef = useRef<SlotMap>(new Map())
  const slots = assignSlots(
    slotsRef.current,
    items.map((item) => item.index),
  )
  slotsRef.current = slots
  const columns = useMemo<ColumnDef<string>[]>(
    () => shown.map((c) => ({ id: c.id, header: c.label, size: c.width, meta: c })),
    [shown],
  )
  const table = useReactTable({ data: NO_ROWS, columns, getCoreRowModel: getCoreRowModel() })
  const input = useGridInput(scrollRef)
  const pinned = useMemo(() => Object.keys(pinnedOffsets(shown)).length, [shown])
  const columnsInView = useColumnWindow(scrollRef, shown, pinned)

  const template = shown.map((c: GridColumn) => `${c.width}px`).join(' ')
  const width = shown.reduce((sum, c) => sum + c.width, 0)
  const style = { '--grid-columns': template, '--grid-width': `${width}px`, ...pinnedOffsets(shown) } as CSSProperties

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Files"
      aria-rowcount={rowIds.length + 1}
      aria-colcount={shown.length}
      aria-multiselectable
      tabIndex={0}
      style={style}
      onKeyDown={input.onKeyDown}
      onMouseDown={input.onMouseDown}
      onDoubleClick={input.onDoubleClick}
      onFocus={input.onFocus}
      onScroll={columnsInView.onScroll}
    >
      <GridFocus gridRef={scrollRef} virtualizer={virtualizer} shown={shown} pinned={pinned} />
      <div role="rowgroup" className="grid-head" style={{ height: HEADER_HEIGHT }}>
        {table.getHeaderGroups().map((group) => (
          <GridHeader key={group.id} headers={group.headers} />
        ))}
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const rowId = rowIds[item.index]
          if (rowId === undefined) return null
          return (
            <GridRow
              key={slots.get(item.index)}
              rowId={rowId}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              columns={shown}
              window={columnsInView.window}
              onCommit={input.onCommit}
              onCancel={input.onCancel}
            />
          )
        })}
      </div>
      {rowIds.length === 0 && (
        <p className="grid-empty">Drop folders or files anywhere in this window, or choose folders above.</p>
      )}
    </div>
  )
}
