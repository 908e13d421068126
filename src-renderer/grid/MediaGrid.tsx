/**
 * One row per dropped file. Only the rows in view exist in the DOM (react-virtual), so 50,000
 * rows scroll like 50; TanStack's row ids are our stable row ids, so a row keeps its React
 * identity while patches arrive. ARIA grid roles carry the table semantics that a virtualised
 * <table> would lose.
 */
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { columns } from './columns'
import { GridRow, HEADER_HEIGHT, ROW_HEIGHT } from './GridRow'
import { useRows } from './use-rows'

export function MediaGrid() {
  const rows = useRows()
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.rowId })
  const tableRows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits above the first row inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    overscan: 10,
    getItemKey: (index) => tableRows[index]?.id ?? index,
  })

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Files"
      aria-rowcount={tableRows.length + 1}
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
        {virtualizer.getVirtualItems().map((item) => {
          const row = tableRows[item.index]
          if (!row) return null
          return <GridRow key={row.id} row={row} index={item.index} top={item.start - HEADER_HEIGHT} />
        })}
      </div>
      {tableRows.length === 0 && (
        <p className="grid-empty">Drop folders or files anywhere in this window, or choose folders above.</p>
      )}
    </div>
  )
}
