/**
 * One row per dropped file, for 50,000 files as for 5. Only the rows in view are drawn
 * (use-row-window.ts: every row has the same height, so which rows those are is arithmetic on the
 * scroll offset); TanStack holds the column model the headers are drawn from (the project's
 * columns in the editor's layout) and no rows: its row model was rebuilt on every scrolled frame
 * (a row object and a cell object with closures per column, a thousand per frame) for nothing a
 * row needs. Rows are drawn from the ids in view, in DOM rows that are recycled as the view moves
 * (row-slots.ts). The grid element keeps the focus while the
 * editor moves around (aria-activedescendant names the active cell); an open editor has its own.
 * ARIA grid roles carry the table semantics that a virtualised <table> would lose.
 */
import { getCoreRowModel, useReactTable } from '@tanstack/react-table'
import type { ColumnDef } from '@tanstack/react-table'
import { useMemo, useRef } from 'react'
import type { CSSProperties } from 'react'
import { useAppStore } from '../store/app-store'
import { useSnapshotLoading } from '../store/snapshot-loader'
import type { GridColumn } from './column-model'
import { useColumnWindow } from './column-window'
import { GridFocus } from './GridFocus'
import { GridHeader } from './GridHeader'
import { densityMetrics } from './density'
import { GridRow, HEADER_HEIGHT } from './GridRow'
import { ThumbZoom } from './ThumbZoom'
import { assignSlots, type SlotMap } from './row-slots'
import { useGridInput } from './use-grid-input'
import { useRowWindow } from './use-row-window'
import './grid-loading.css'

const PINNED = new Set(['select', 'thumbnail', 'path'])
const NO_ROWS: string[] = []
// Two rows beyond the view: the arrow keys and Enter find their row drawn, so the frame that
// moves the cursor redraws nothing else (GridFocus scrolls to any other row, drawn at once).
const OVERSCAN = 2

/** The row's state is held at the right edge (column-model.ts puts it last): in view wherever the editor scrolls. */
const PINNED_END = 'status'

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

/** 1 when the state is the last column shown (an editor may have moved it elsewhere: then it scrolls). */
const pinnedAtEnd = (columns: readonly GridColumn[]): number =>
  columns.length > 1 && columns[columns.length - 1]?.id === PINNED_END ? 1 : 0

export function MediaGrid() {
  const rowIds = useAppStore((s) => s.rowView.ids)
  const shown = useAppStore((s) => s.shownColumns)
  const density = useAppStore((s) => s.layout.density)
  const loading = useSnapshotLoading((s) => s.progress)
  const rowHeight = densityMetrics(density).rowHeight
  const geometry = useMemo(() => ({ rowHeight, headerHeight: HEADER_HEIGHT }), [rowHeight])
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = useRowWindow(scrollRef, rowIds.length, geometry, OVERSCAN)
  const indices = useMemo(
    () => Array.from({ length: rows.range.end - rows.range.start }, (_, i) => rows.range.start + i),
    [rows.range.start, rows.range.end],
  )
  const slotsRef = useRef<SlotMap>(new Map())
  const slots = assignSlots(slotsRef.current, indices)
  slotsRef.current = slots
  const columns = useMemo<ColumnDef<string>[]>(
    () => shown.map((c) => ({ id: c.id, header: c.label, size: c.width, meta: c })),
    [shown],
  )
  const table = useReactTable({ data: NO_ROWS, columns, getCoreRowModel: getCoreRowModel() })
  const input = useGridInput(scrollRef)
  const pinned = useMemo(() => Object.keys(pinnedOffsets(shown)).length, [shown])
  const pinnedEnd = useMemo(() => pinnedAtEnd(shown), [shown])
  const columnsInView = useColumnWindow(scrollRef, shown, pinned, pinnedEnd)

  const template = shown.map((c: GridColumn) => `${c.width}px`).join(' ')
  const width = shown.reduce((sum, c) => sum + c.width, 0)
  const style = {
    '--grid-columns': template,
    '--grid-width': `${width}px`,
    ...pinnedOffsets(shown),
  } as CSSProperties

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Files"
      aria-rowcount={rowIds.length + 1}
      aria-colcount={shown.length}
      aria-multiselectable
      data-density={density}
      // grid.css holds this column at the right edge.
      data-pinned-end={pinnedEnd ? PINNED_END : undefined}
      tabIndex={0}
      style={style}
      onKeyDown={input.onKeyDown}
      onMouseDown={input.onMouseDown}
      onDoubleClick={input.onDoubleClick}
      onFocus={input.onFocus}
      onScroll={columnsInView.onScroll}
    >
      <GridFocus
        gridRef={scrollRef}
        scrollToRow={rows.scrollToRow}
        shown={shown}
        pinned={pinned}
        pinnedEnd={pinnedEnd}
      />
      <div role="rowgroup" className="grid-head" style={{ height: HEADER_HEIGHT }}>
        {table.getHeaderGroups().map((group) => (
          <GridHeader key={group.id} headers={group.headers} />
        ))}
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: rowIds.length * rowHeight }}>
        {indices.map((index) => {
          const rowId = rowIds[index]
          if (rowId === undefined) return null
          return (
            <GridRow
              key={slots.get(index)}
              rowId={rowId}
              index={index}
              top={index * rowHeight}
              height={rowHeight}
              columns={shown}
              window={columnsInView.window}
              onCommit={input.onCommit}
              onCancel={input.onCancel}
            />
          )
        })}
      </div>
      {loading && (
        <p className="grid-loading" role="status">
          Loading rows: {loading.loaded.toLocaleString('en')} of {loading.total.toLocaleString('en')} are here. Counts,
          filters and sorting cover these until the rest arrive.
        </p>
      )}
      <ThumbZoom gridRef={scrollRef} />
      {rowIds.length === 0 && (
        <p className="grid-empty">Drop folders or files anywhere in this window, or choose folders above.</p>
      )}
    </div>
  )
}
