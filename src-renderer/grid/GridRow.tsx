import { flexRender } from '@tanstack/react-table'
import type { Row as TableRow } from '@tanstack/react-table'
import { memo } from 'react'
import type { Row } from '../../src-main/contract'

/** Pixel sizes the virtualiser relies on; grid.css uses the same numbers. */
export const ROW_HEIGHT = 32
export const HEADER_HEIGHT = 36

interface Props {
  row: TableRow<Row>
  index: number
  top: number
}

/**
 * TanStack rebuilds its row objects whenever the data array changes, so memoise on the file's
 * own row (which the mirror keeps when unchanged): a patch to one file re-renders one row.
 */
const sameRow = (a: Props, b: Props): boolean =>
  a.row.original === b.row.original && a.index === b.index && a.top === b.top

export const GridRow = memo(function GridRow({ row, index, top }: Props) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="grid-row"
      data-row-id={row.id}
      data-status={row.original.status}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      {row.getVisibleCells().map((cell) => (
        <div role="gridcell" className="grid-cell" data-column={cell.column.id} key={cell.id}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  )
}, sameRow)
