/**
 * One row per dropped file, for 50,000 files as for 5. react-virtual works over the whole id
 * list; TanStack gets only the ids in view (a TanStack row costs a few dozen closures, and 50,000
 * of them kept the garbage collector busy for seconds while a big folder streamed in) and the
 * columns the project and the editor's layout give. The grid element keeps the focus while the
 * editor moves around (aria-activedescendant names the active cell); an open editor has its own.
 * ARIA grid roles carry the table semantics that a virtualised <table> would lose.
 */
import { getCoreRowModel, useReactTable } from '@tanstack/react-table'
import type { ColumnDef } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { CSSProperties } from 'react'
import { useAppStore } from '../store/app-store'
import { rowIndexIn } from '../store/row-index'
import type { GridColumn } from './column-model'
import { cellDomId } from './GridCell'
import { GridHeader } from './GridHeader'
import { GridRow, HEADER_HEIGHT, ROW_HEIGHT } from './GridRow'
import { useGridInput } from './use-grid-input'

const PINNED = new Set(['select', 'thumbnail', 'path'])

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
  const active = useAppStore((s) => s.active)
  const editing = useAppStore((s) => s.editing)
  const scrollRef = useRef<HTMLDivElement>(null)
  // Stable between renders: the virtualiser recomputes every row's measurement when it changes.
  const getItemKey = useCallback((index: number) => rowIds[index] ?? index, [rowIds])
  const virtualizer = useVirtualizer({
    count: rowIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits above the first row inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    overscan: 10,
    getItemKey,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const end = (items.at(-1)?.index ?? -1) + 1
  const idsInView = useMemo(() => rowIds.slice(first, end), [rowIds, first, end])
  const columns = useMemo<ColumnDef<string>[]>(
    () => shown.map((c) => ({ id: c.id, header: c.label, size: c.width, meta: c })),
    [shown],
  )
  const table = useReactTable({ data: idsInView, columns, getCoreRowModel: getCoreRowModel(), getRowId: (id) => id })
  const tableRows = table.getRowModel().rows
  const input = useGridInput(scrollRef)

  // The active cell stays in view when the keyboard moves it.
  const activeIndex = active ? rowIndexIn(rowIds)(active.rowId) : -1
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtualizer])
  // Sideways too, clear of the pinned columns.
  useEffect(() => {
    const grid = scrollRef.current
    const at = active ? shown.findIndex((c) => c.id === active.columnId) : -1
    if (!grid || at === -1) return
    const lefts = shown.map((_, i) => shown.slice(0, i).reduce((sum, c) => sum + c.width, 0))
    const pinned = PINNED.has(shown[at]?.id ?? '')
      ? 0
      : Object.keys(pinnedOffsets(shown)).reduce((sum, _k, i) => sum + (shown[i]?.width ?? 0), 0)
    const left = lefts[at] ?? 0
    const right = left + (shown[at]?.width ?? 0)
    if (left - pinned < grid.scrollLeft) grid.scrollLeft = left - pinned
    else if (right > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = right - grid.clientWidth
  }, [active, shown])
  // Focus returns to the grid when an editor closes, so the keys keep working.
  const wasEditing = useRef(false)
  useEffect(() => {
    if (wasEditing.current && !editing) scrollRef.current?.focus({ preventScroll: true })
    wasEditing.current = editing !== null
  }, [editing])

  const template = shown.map((c: GridColumn) => `${c.width}px`).join(' ')
  const width = shown.reduce((sum, c) => sum + c.width, 0)
  const style = { '--grid-columns': template, '--grid-width': `${width}px`, ...pinnedOffsets(shown) } as CSSProperties
  const activeId = active && activeIndex >= 0 ? cellDomId(active.rowId, active.columnId) : undefined

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Files"
      aria-rowcount={rowIds.length + 1}
      aria-colcount={shown.length}
      aria-multiselectable
      aria-activedescendant={editing ? undefined : activeId}
      tabIndex={0}
      style={style}
      onKeyDown={input.onKeyDown}
      onMouseDown={input.onMouseDown}
      onDoubleClick={input.onDoubleClick}
      onFocus={input.onFocus}
    >
      <div role="rowgroup" className="grid-head" style={{ height: HEADER_HEIGHT }}>
        {table.getHeaderGroups().map((group) => (
          <GridHeader key={group.id} headers={group.headers} />
        ))}
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = tableRows[item.index - first]
          if (!row) return null
          return (
            <GridRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              columns={shown}
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
