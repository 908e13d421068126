/**
 * What the grid's keys, menus and clipboard do, outside React: each reads the store once, sends
 * one command to main and puts the outcome (history, refusals) back. Rows change only when main's
 * patch arrives; nothing here edits the mirror.
 */
import type { EditOutcome } from '../../src-main/contract'
import { looksReadOnly } from '../../src-shared/editing/edit-rules'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'
import { rowIndexIn } from '../store/row-index'
import { isEditable, type GridColumn } from './column-model'
import { clampIndex } from './keyboard'
import { cellRange, rangeColumns, rangeRowIds, type CellRange } from './range'
import { nextRowSelection, type RowGesture } from './row-selection'

const state = () => useAppStore.getState()

export function currentRange(): { range: CellRange; ids: readonly string[]; columns: GridColumn[] } | null {
  const s = state()
  const ids = s.rowView.ids
  const range = cellRange(ids, s.shownColumns, s.active, s.rangeAnchor, rowIndexIn(ids))
  return range ? { range, ids, columns: s.shownColumns } : null
}

/** Puts an edit's outcome in front of the editor: undo's new label, and what refused and why. */
export function receiveOutcome(outcome: EditOutcome, doing: string): void {
  const s = state()
  s.setHistory(outcome.history)
  if (outcome.refusedCount > 0) {
    const first = outcome.refused[0]
    const more = outcome.refusedCount > 1 ? ` (and ${outcome.refusedCount - 1} more)` : ''
    s.reportError(
      'edit-refused',
      `${doing}: ${outcome.refusedCount} cell(s) not changed. ${first?.message ?? ''}${more}`,
    )
  }
}

export async function runEdit<T extends EditOutcome>(doing: string, send: () => Promise<T>): Promise<T | undefined> {
  try {
    const outcome = await send()
    receiveOutcome(outcome, doing)
    return outcome
  } catch (err) {
    reportFailure(err, doing)
    return undefined
  }
}

/** Moves the active cell by rows/columns within the grid, optionally extending the range. */
export function moveActive(rows: number, cols: number, extend = false): void {
  const s = state()
  const ids = s.rowView.ids
  const columns = s.shownColumns
  if (ids.length === 0 || columns.length === 0) return
  const at = s.active
  const r = at ? rowIndexIn(ids)(at.rowId) : -1
  const c = at ? columns.findIndex((col) => col.id === at.columnId) : -1
  const row = clampIndex((r === -1 ? 0 : r) + rows, ids.length)
  const col = clampIndex((c === -1 ? 2 : c) + cols, columns.length)
  s.setActive({ rowId: ids[row] as string, columnId: (columns[col] as GridColumn).id }, extend)
}

export function moveTo(rowIndex: number, colIndex: number, extend = false): void {
  const s = state()
  const ids = s.rowView.ids
  if (ids.length === 0) return
  const row = clampIndex(rowIndex, ids.length)
  const col = clampIndex(colIndex, s.shownColumns.length)
  s.setActive({ rowId: ids[row] as string, columnId: (s.shownColumns[col] as GridColumn).id }, extend)
}

/** Delete: every editable cell of the range is cleared, as one undo step (imported rows stay as they are). */
export async function clearRange(): Promise<void> {
  const current = currentRange()
  if (!current) return
  const s = state()
  const all = rangeRowIds(current.ids, current.range)
  // Delete does not start a correction: an imported row is corrected by typing in it (Enter).
  const rowIds = all.filter((id) => {
    const row = s.session.byId.get(id)
    return !row || !looksReadOnly(row)
  })
  if (rowIds.length < all.length) {
    s.reportError(
      'imported-row',
      `${all.length - rowIds.length} imported row(s) not cleared: they are read-only until you start a correction (Enter on the cell).`,
    )
  }
  const fields = rangeColumns(current.columns, current.range).filter(isEditable)
  const edits = rowIds.flatMap((rowId) => fields.map((c) => ({ rowId, field: c.field as string, value: null })))
  if (edits.length > 0) await runEdit('Could not clear the cells', () => api.editCells({ edits }))
}

/**
 * Ctrl+D: a range of several rows takes its first row's values; a single cell takes the value
 * of the cell above it, as in a spreadsheet.
 */
export async function fillDown(): Promise<void> {
  const current = currentRange()
  if (!current) return
  const { range, ids } = current
  const fields = rangeColumns(current.columns, range)
    .filter(isEditable)
    .map((c) => c.field as string)
  if (fields.length === 0) return
  const rowIds =
    range.rowEnd > range.rowStart
      ? rangeRowIds(ids, range)
      : ids.slice(Math.max(0, range.rowStart - 1), range.rowStart + 1)
  if (rowIds.length < 2) return
  await runEdit('Could not fill down', () => api.fillDown({ rowIds, fields }))
}

export async function undo(): Promise<void> {
  await runEdit('Could not undo', () => api.undo())
}

export async function redo(): Promise<void> {
  await runEdit('Could not redo', () => api.redo())
}

/** Selects rows as a file manager does (row-selection.ts): a click, Shift, Ctrl/Cmd, the box, Ctrl+A, Escape. */
export function selectRowsBy(gesture: RowGesture): void {
  const s = state()
  const ids = s.rowView.ids
  s.setSelection(nextRowSelection({ selected: s.selected, anchor: s.selectionAnchor }, gesture, ids, rowIndexIn(ids)))
}

export function selectAllInFilter(): void {
  selectRowsBy({ type: 'all', ids: state().rowView.ids })
}

/** Row ids a bulk action works on: the selected rows in the grid's order, else the range's rows. */
export function targetRowIds(): string[] {
  const s = state()
  if (s.selected.size > 0) return s.rowView.ids.filter((id) => s.selected.has(id))
  const current = currentRange()
  return current ? rangeRowIds(current.ids, current.range) : []
}
