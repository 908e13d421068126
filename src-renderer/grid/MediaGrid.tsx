/**
 * One row per dropped file, for 50,000 files as for 5. react-virtual works over the whole id
 * list; TanStack gets only the ids in view: a TanStack row costs a few dozen closures, and
 * 50,000 of them kept the garbage collector busy for seconds while a big folder streamed in.
 * Row ids are our stable row ids, so a row keeps its React identity while patches arrive.
 * Sorting and filtering belong to the data layer (DESIGN.md), so nothing here needs all rows.
 * ARIA grid roles carry the table semantics that a virtualised <table> would lose.
 */
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useMemo, useRef } from 'react'
import { useAppStore } from '../store/app-store'
import { columns } from './columns'
import { GridRow, HEADER_HEIGHT, ROW_HEIGHT } from './GridRow'

export function MediaGrid() {
  const rowIds = useAppStore((s) => s.rowView.ids)
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
  const table = useReactTable({ data: idsInView, columns, getCoreRowModel: getCoreRowModel(), getRowId: (id) => id })
  const tableRows = table.getRowModel().rows

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Files"
      aria-rowcount={rowIds.length + 1}
      aria-colcount={columns.length}
      tabIndex={0}
    >
      <div role="rowgroup" className="grid-head" style={{ height: HEADER_HEIGHT }}>
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} className="grid-row" key={group.id}>
            {group.headers.map((header) => (
              <div role="columnheader" className="grid-cell" data-column={header.column.id} key={header.id}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = tableRows[item.index - first]
          if (!row) return null
          return <GridRow key={row.id} row={row} index={item.index} top={item.start - HEADER_HEIGHT} />
        })}
      </div>
      {rowIds.length === 0 && (
        <p className="grid-empty">Drop folders or files anywhere in this window, or choose folders above.</p>
      )}
    </div>
  )
}
