import type { Row as TableRow } from '@tanstack/react-table'
import { memo } from 'react'
import type { CellValue, Row } from '../../src-main/contract'
import { useAppStore, type AppState } from '../store/app-store'
import { rowIndexIn } from '../store/row-index'
import type { GridColumn } from './column-model'
import { inWindow, type ColumnWindow } from './column-window'
import type { Move } from './editors/editor-props'
import { GridCell } from './GridCell'
import { cellRange } from './range'

/** Pixel sizes the virtualiser relies on; grid.css uses the same numbers. */
export const ROW_HEIGHT = 32
export const HEADER_HEIGHT = 36

interface Props {
  /** TanStack's row; its id is our row id. */
  row: TableRow<string>
  index: number
  top: number
  /** The columns shown: rows render again when the layout changes. */
  columns: readonly GridColumn[]
  /** The columns in view sideways: only their cells are rendered. */
  window: ColumnWindow
  onCommit(column: GridColumn, row: Row, value: CellValue, move: Move): void
  onCancel(): void
}

// TanStack makes new row objects whenever rows are added; the id is what identifies the file.
const sameRow = (a: Props, b: Props): boolean =>
  a.row.id === b.row.id && a.index === b.index && a.top === b.top && a.columns === b.columns && a.window === b.window

/** The columns of the range this row is in, as "from:to" (a string, so unchanged rows skip rendering). */
function rangeOfRow(s: AppState, index: number): string {
  if (!s.rangeAnchor) return ''
  const range = cellRange(s.rowView.ids, s.shownColumns, s.active, s.rangeAnchor, rowIndexIn(s.rowView.ids))
  return range && index >= range.rowStart && index <= range.rowEnd ? `${range.colStart}:${range.colEnd}` : ''
}

/** Subscribes to its own file and its own slice of cursor and selection: a patch to one file re-renders one row. */
export const GridRow = memo(function GridRow({ row, index, top, window, onCommit, onCancel }: Props) {
  const id = row.id
  const file = useAppStore((s) => s.session.byId.get(id))
  const project = useAppStore((s) => s.project)
  const selected = useAppStore((s) => s.selected.has(id))
  const activeColumn = useAppStore((s) => (s.active?.rowId === id ? s.active.columnId : null))
  const editing = useAppStore((s) => (s.editing?.rowId === id ? s.editing : null))
  const range = useAppStore((s) => rangeOfRow(s, index))
  if (!file) return null
  const [from, to] = range ? range.split(':').map(Number) : [-1, -1]
  let previous = -1
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={editing ? 'grid-row editing-row' : activeColumn ? 'grid-row active-row' : 'grid-row'}
      data-row-id={id}
      data-status={file.status}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      {row.getVisibleCells().map((cell, colIndex) => {
        const column = cell.column.columnDef.meta as GridColumn
        // The active and edited cells stay rendered even when scrolled away (focus, aria-activedescendant).
        if (!inWindow(window, colIndex) && activeColumn !== column.id) return null
        const placed = colIndex !== previous + 1
        previous = colIndex
        return (
          <GridCell
            key={cell.id}
            column={column}
            row={file}
            project={project}
            colIndex={colIndex}
            placed={placed}
            active={activeColumn === column.id}
            inRange={colIndex >= (from ?? -1) && colIndex <= (to ?? -1)}
            selected={selected}
            editing={editing?.columnId === column.id ? editing : null}
            onCommit={onCommit}
            onCancel={onCancel}
          />
        )
      })}
    </div>
  )
}, sameRow)
