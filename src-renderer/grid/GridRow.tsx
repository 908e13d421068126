import { flexRender } from '@tanstack/react-table'
import type { Row as TableRow } from '@tanstack/react-table'
import { memo } from 'react'
import { useAppStore } from '../store/app-store'
import { RowContext } from './row-context'

/** Pixel sizes the virtualiser relies on; grid.css uses the same numbers. */
export const ROW_HEIGHT = 32
export const HEADER_HEIGHT = 36

interface Props {
  /** TanStack's row; its id is our row id. */
  row: TableRow<string>
  index: number
  top: number
}

// TanStack makes new row objects whenever rows are added; the id is what identifies the file.
const sameRow = (a: Props, b: Props): boolean => a.row.id === b.row.id && a.index === b.index && a.top === b.top

/** Subscribes to its own file only: a patch to one file re-renders one row. */
export const GridRow = memo(function GridRow({ row, index, top }: Props) {
  const file = useAppStore((s) => s.session.byId.get(row.id))
  if (!file) return null
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="grid-row"
      data-row-id={row.id}
      data-status={file.status}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <RowContext value={file}>
        {row.getVisibleCells().map((cell) => (
          <div role="gridcell" className="grid-cell" data-column={cell.column.id} key={cell.id}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
      </RowContext>
    </div>
  )
}, sameRow)
