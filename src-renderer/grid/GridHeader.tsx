/**
 * Column headers: a button sorts by the column (ascending, descending, off), a handle resizes it
 * by drag or by the arrow keys, and the first column's box selects every row in the filter.
 */
import type { Header } from '@tanstack/react-table'
import { memo } from 'react'
import { useAppStore } from '../store/app-store'
import { setWidth } from '../store/column-layout'
import type { GridColumn } from './column-model'
import { selectAllInFilter } from './grid-actions'
import { ResizeHandle } from './ResizeHandle'

function SortButton({ column }: { column: GridColumn }) {
  const sort = useAppStore((s) => s.sort)
  const setSort = useAppStore((s) => s.setSort)
  const direction = sort?.column.id === column.id ? sort.direction : null
  const next = () =>
    setSort(
      direction === null ? { column, direction: 'asc' } : direction === 'asc' ? { column, direction: 'desc' } : null,
    )
  return (
    <button type="button" className="header-button" onClick={next} title={`Sort by ${column.label}`}>
      {column.label}
      <span aria-hidden="true">{direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}</span>
    </button>
  )
}

function SelectAll() {
  const all = useAppStore((s) => s.rowView.ids.length > 0 && s.selected.size >= s.rowView.ids.length)
  const clear = useAppStore((s) => s.clearSelection)
  return (
    <input
      type="checkbox"
      aria-label="Select all rows in the filter"
      checked={all}
      onChange={(e) => (e.target.checked ? selectAllInFilter() : clear())}
    />
  )
}

function ColumnResize({ column }: { column: GridColumn }) {
  const resize = (width: number) => {
    const s = useAppStore.getState()
    s.setLayout(setWidth(s.layout, column.id, width))
  }
  return <ResizeHandle label={`Resize ${column.label}`} width={column.width} onResize={resize} />
}

/** Every header is rendered (forty are cheap, and screen readers get every column's name); body cells are windowed. */
export const GridHeader = memo(function GridHeader({ headers }: { headers: Header<string, unknown>[] }) {
  const sort = useAppStore((s) => s.sort)
  return (
    <div role="row" aria-rowindex={1} className="grid-row">
      {headers.map((header, index) => {
        const column = header.column.columnDef.meta as GridColumn
        const sorted =
          sort?.column.id === column.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
        return (
          <div
            role="columnheader"
            className="grid-cell"
            data-column={column.id}
            key={header.id}
            aria-sort={sorted}
            aria-colindex={index + 1}
            style={{ gridColumnStart: index + 1 }}
          >
            {column.kind === 'select' ? (
              <SelectAll />
            ) : column.kind === 'thumbnail' ? (
              <span className="sr-only">Preview</span>
            ) : (
              <SortButton column={column} />
            )}
            <ColumnResize column={column} />
          </div>
        )
      })}
    </div>
  )
})
