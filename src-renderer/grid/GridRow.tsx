import { memo } from 'react'
import type { ReactElement } from 'react'
import { looksReadOnly, READ_ONLY_HINT } from '../../src-shared/editing/edit-rules'
import type { CellValue, Row } from '../../src-main/contract'
import { useAppStore, type AppState } from '../store/app-store'
import type { PendingCell } from '../store/pending-edits'
import { rowIndexIn } from '../store/row-index'
import type { GridColumn } from './column-model'
import { inWindow, type ColumnWindow } from './column-window'
import type { Move } from './editors/editor-props'
import { formatStatus } from './format'
import { GridCell } from './GridCell'
import { cellRange } from './range'

/** The header's height, which the virtualiser relies on (rows: density.ts); grid.css uses the same number. */
export const HEADER_HEIGHT = 36

interface Props {
  rowId: string
  index: number
  top: number
  /** The density's row height (density.ts). */
  height: number
  /** The columns shown: rows render again when the layout changes. */
  columns: readonly GridColumn[]
  /** The columns in view sideways: only their cells are rendered. */
  window: ColumnWindow
  onCommit(column: GridColumn, row: Row, value: CellValue, move: Move): void
  onCancel(): void
}

const sameRow = (a: Props, b: Props): boolean =>
  a.rowId === b.rowId &&
  a.index === b.index &&
  a.top === b.top &&
  a.height === b.height &&
  a.columns === b.columns &&
  a.window === b.window

/** The columns of the range this row is in, as "from:to" (a string, so unchanged rows skip rendering). */
function rangeOfRow(s: AppState, index: number): string {
  if (!s.rangeAnchor) return ''
  const range = cellRange(s.rowView.ids, s.shownColumns, s.active, s.rangeAnchor, rowIndexIn(s.rowView.ids))
  return range && index >= range.rowStart && index <= range.rowEnd ? `${range.colStart}:${range.colEnd}` : ''
}

const NOTHING_PENDING: Readonly<Record<string, PendingCell>> = {}
const NOTHING_REFUSED: Readonly<Record<string, string>> = {}

/**
 * Subscribes to its own file and its own slice of cursor, selection and pending edits: a patch
 * to one file re-renders one row. The DOM row is recycled for another file as the grid scrolls
 * (MediaGrid), so nothing here keeps state of its own.
 */
export const GridRow = memo(function GridRow({
  rowId: id,
  index,
  top,
  height,
  columns,
  window,
  onCommit,
  onCancel,
}: Props) {
  const file = useAppStore((s) => s.session.byId.get(id))
  const pending = useAppStore((s) => s.pending.cells.get(id) ?? NOTHING_PENDING)
  const refusals = useAppStore((s) => s.pending.refusals.get(id) ?? NOTHING_REFUSED)
  const project = useAppStore((s) => s.project)
  const selected = useAppStore((s) => s.selected.has(id))
  const activeColumn = useAppStore((s) => (s.active?.rowId === id ? s.active.columnId : null))
  const editing = useAppStore((s) => (s.editing?.rowId === id ? s.editing : null))
  const range = useAppStore((s) => rangeOfRow(s, index))
  if (!file) return null
  const [from, to] = range ? range.split(':').map(Number) : [-1, -1]
  // The leading pinned columns (row box, preview, file name) go in one sticky block: the browser
  // composites each sticky element on its own layer, and one per row costs a frame a third of
  // what one per pinned cell did. A trailing pinned cell (the state, at the right edge) is sticky
  // on its own (grid.css): one cell, so one layer either way.
  const pinnedCells: ReactElement[] = []
  const cells: ReactElement[] = []
  let previous = -1
  columns.forEach((column, colIndex) => {
    // The active and edited cells stay rendered even when scrolled away (focus, aria-activedescendant).
    if (!inWindow(window, colIndex) && activeColumn !== column.id) return
    const placed = colIndex !== previous + 1
    previous = colIndex
    ;(colIndex < window.pinned ? pinnedCells : cells).push(
      <GridCell
        key={column.id}
        column={column}
        row={file}
        project={project}
        colIndex={colIndex}
        placed={placed}
        active={activeColumn === column.id}
        inRange={colIndex >= (from ?? -1) && colIndex <= (to ?? -1)}
        selected={selected}
        editing={editing?.columnId === column.id ? editing : null}
        pending={column.field ? pending[column.field] : undefined}
        refusal={column.field ? refusals[column.field] : undefined}
        onCommit={onCommit}
        onCancel={onCancel}
      />,
    )
  })
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      // The file and its state, however far sideways the Status cell is: what a screen reader says first.
      aria-label={`${file.relativePath}: ${formatStatus(file)}`}
      aria-selected={selected}
      className={editing ? 'grid-row editing-row' : activeColumn ? 'grid-row active-row' : 'grid-row'}
      data-row-id={id}
      // Imported rows are done: muted, with no edit affordance (grid.css), until a correction starts.
      data-imported={looksReadOnly(file) ? '' : undefined}
      aria-description={looksReadOnly(file) ? READ_ONLY_HINT : undefined}
      data-status={file.status}
      style={{ top, height }}
    >
      {pinnedCells.length > 0 && (
        <div className="grid-pinned" style={{ gridColumn: `1 / span ${window.pinned}` }}>
          {pinnedCells}
        </div>
      )}
      {cells}
    </div>
  )
}, sameRow)
