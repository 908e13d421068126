/**
 * The grid's keyboard, mouse and clipboard in one place. Keys go through the pure keyboard model;
 * clicks select rows as a file manager does (row-selection.ts: the row header selects, the box and
 * Ctrl/Cmd toggle, Shift extends from the anchor); clicks on a cell make it active (Shift extends
 * the cell range); copy and paste use the browser's
 * events while the grid has the focus, so the app asks for no clipboard permission.
 */
import { useCallback, useEffect, useMemo } from 'react'
import type { KeyboardEvent, MouseEvent, RefObject } from 'react'
import { formatCellValue } from '../../src-shared/editing/cell-text'
import { isImportedRow } from '../../src-shared/editing/edit-rules'
import { parseField } from '../../src-shared/editing/field-path'
import { importedCellRefusal } from '../../src-shared/rows/update-plan'
import type { CellValue, Row } from '../../src-main/contract'
import { useAppStore } from '../store/app-store'
import { rowIndexIn } from '../store/row-index'
import { copyRangeText, pasteRangeText } from './clipboard'
import type { GridColumn } from './column-model'
import type { Move } from './editors/editor-props'
import { cellDomId, rowProperty } from './GridCell'
import { clearRange, fillDown, moveActive, moveTo, redo, selectAllInFilter, selectRowsBy, undo } from './grid-actions'
import { ROW_HEADER_COLUMNS, type RowGesture } from './row-selection'
import { densityMetrics } from './density'
import { gridKeyAction } from './keyboard'
import { focusCellControl } from './cells/row-choice-actions'
import { commitTyped, shownValue } from './optimistic-edit'

const state = () => useAppStore.getState()

/** Boolean cells flip at once (Enter, Space, double-click); there is nothing to type. */
function toggleBoolean(rowId: string, column: GridColumn): boolean {
  const s = state()
  const row = s.session.byId.get(rowId)
  if (!row || rowProperty(s.project, row, column)?.plugin !== 'li-boolean') return false
  void commitTyped(rowId, column, shownValue(rowId, column) !== true)
  return true
}

function startEdit(initial?: string): void {
  const s = state()
  const column = s.shownColumns.find((c) => c.id === s.active?.columnId)
  if (!s.active || !column) return
  if (column.kind === 'select') {
    if (initial === ' ') selectRowsBy({ type: 'toggle', rowId: s.active.rowId })
    return
  }
  // A cell with nothing to type in may hold buttons (a row's choices, the editor link): go onto them.
  if (!column.field && focusCellControl(cellDomId(s.active.rowId, column.id))) return
  if (!column.field) return
  // An imported row takes metadata corrections (sent by PATCH, core/updater); a cell main would
  // refuse on commit (a translation, its ids) opens no editor and says why at once.
  const row = s.session.byId.get(s.active.rowId)
  const ref = parseField(column.field)
  const refused = row && ref && isImportedRow(row) ? importedCellRefusal(row, ref.kind) : undefined
  if (row && refused) {
    const why = `${row.relativePath}: ${refused}`
    // Said once, however many keys were pressed on it.
    if (!s.notices.some((n) => n.message === why)) s.reportError('imported-row', why)
    return
  }
  if (toggleBoolean(s.active.rowId, column)) return
  s.startEditing(initial)
}

/** A click's row gesture: the box toggles, Ctrl/Cmd toggles anywhere, the row header selects (row-selection.ts). */
function rowGesture(rowId: string, columnId: string, e: MouseEvent): RowGesture | null {
  const toggle = e.ctrlKey || e.metaKey
  if (columnId === 'select') return { type: 'checkbox', rowId, shift: e.shiftKey }
  if (ROW_HEADER_COLUMNS.has(columnId)) return { type: 'click', rowId, shift: e.shiftKey, add: toggle }
  return toggle ? { type: 'toggle', rowId } : null
}

export function useGridInput(gridRef: RefObject<HTMLDivElement | null>) {
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (state().editing || e.target !== e.currentTarget) return
      const action = gridKeyAction(e)
      if (!action) return
      const s = state()
      const columns = s.shownColumns
      const col = columns.findIndex((c) => c.id === s.active?.columnId)
      // Tab leaves the grid from its last (Shift+Tab: first) column, as the ARIA grid pattern expects.
      if (e.key === 'Tab' && ((!e.shiftKey && col === columns.length - 1) || (e.shiftKey && col === 0))) return
      e.preventDefault()
      const rowIndex = s.active ? rowIndexIn(s.rowView.ids)(s.active.rowId) : 0
      switch (action.type) {
        case 'move': {
          const from = s.active?.rowId
          moveActive(action.rows, action.cols, action.extend)
          // In the row header, Shift+Up/Down extends the selected rows as a file list does.
          const to = state().active?.rowId
          if (action.extend && action.rows !== 0 && from && to && ROW_HEADER_COLUMNS.has(s.active?.columnId ?? ''))
            selectRowsBy({ type: 'extend', from, to })
          return
        }
        case 'rowEdge':
          // Home goes back to the start sideways too, as a spreadsheet's does with frozen columns.
          if (action.to === 'start' && gridRef.current) gridRef.current.scrollLeft = 0
          return moveTo(
            action.wholeGrid ? (action.to === 'start' ? 0 : s.rowView.ids.length - 1) : rowIndex,
            action.to === 'start' ? 0 : columns.length - 1,
            action.extend,
          )
        case 'page': {
          const rowHeight = densityMetrics(s.layout.density).rowHeight
          const screen = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1)
          return moveActive(action.direction * screen, 0, action.extend)
        }
        case 'edit':
          return startEdit(action.initial)
        case 'clear':
          return void clearRange()
        case 'preview':
          // On the row box, Space ticks it (the ARIA checkbox key); anywhere else it shows the pane.
          if (s.active?.columnId === 'select') return startEdit(' ')
          return s.setPreviewOpen(!s.previewOpen)
        case 'toggleRow':
          if (s.active) selectRowsBy({ type: 'toggle', rowId: s.active.rowId })
          return
        case 'fillDown':
          return void fillDown()
        case 'undo':
          return void undo()
        case 'redo':
          return void redo()
        case 'selectAll':
          return selectAllInFilter()
        case 'find':
          return s.setPanel('find')
        case 'cancel':
          // Escape drops the cell range and the selected rows, as in a file manager.
          if (s.active) s.setActive(s.active)
          return selectRowsBy({ type: 'clear' })
      }
    },
    [gridRef],
  )

  const onMouseDown = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      const target = e.target as HTMLElement
      if (target.closest('.cell-editor, [role="columnheader"]')) return
      // A way-out button or link in a cell acts on its click alone: making its cell active on the
      // press re-renders that cell, and a button replaced between press and release gets no click.
      if (target.closest('[role="gridcell"] button, [role="gridcell"] a[href]')) return
      const cell = target.closest<HTMLElement>('[role="gridcell"]')
      const rowId = cell?.closest<HTMLElement>('[role="row"]')?.dataset.rowId
      const columnId = cell?.dataset.column
      if (!rowId || !columnId) return
      const gesture = rowGesture(rowId, columnId, e)
      if (gesture) selectRowsBy(gesture)
      // The row box must not take the focus from the grid, or Escape and Shift+arrows would go to it.
      if (columnId === 'select') {
        e.preventDefault()
        gridRef.current?.focus({ preventScroll: true })
      }
      // Shift+click on a cell spans the cell range; on the row header it spans rows (above) instead.
      state().setActive({ rowId, columnId }, e.shiftKey && !ROW_HEADER_COLUMNS.has(columnId))
    },
    [gridRef],
  )

  const onDoubleClick = useCallback(() => startEdit(), [])

  const onFocus = useCallback((e: { target: unknown; currentTarget: unknown }) => {
    const s = state()
    if (e.target !== e.currentTarget || s.active || s.rowView.ids.length === 0) return
    s.setActive({ rowId: s.rowView.ids[0] as string, columnId: 'path' })
  }, [])

  /**
   * A key that closes the editor (Enter, Tab, Escape) gives the focus back to the grid first, while
   * the page is still laid out: focusing it after React removed the editor would make the browser
   * lay the page out inside the key's handler, and the frame would lay it out again. A commit by
   * blur (a click elsewhere) leaves the focus where the editor lost it.
   */
  const takeFocusFromEditor = useCallback(() => {
    const grid = gridRef.current
    if (grid && document.activeElement?.closest('.cell-editor')) grid.focus({ preventScroll: true })
  }, [gridRef])

  const onCommit = useCallback(
    (column: GridColumn, row: Row, value: CellValue, move: Move) => {
      takeFocusFromEditor()
      state().stopEditing()
      // Compared with what the cell shows: a pending value counts as the cell's.
      if (formatCellValue(value) !== formatCellValue(shownValue(row.rowId, column)))
        void commitTyped(row.rowId, column, value)
      if (move.rows !== 0 || move.cols !== 0) moveActive(move.rows, move.cols)
    },
    [takeFocusFromEditor],
  )

  const onCancel = useCallback(() => {
    takeFocusFromEditor()
    state().stopEditing()
  }, [takeFocusFromEditor])

  useEffect(() => {
    const focused = () => document.activeElement === gridRef.current && !state().editing
    const onCopy = (e: ClipboardEvent) => {
      if (!focused()) return
      const text = copyRangeText()
      if (text === null || !e.clipboardData) return
      e.clipboardData.setData('text/plain', text)
      e.preventDefault()
    }
    const onPaste = (e: ClipboardEvent) => {
      if (!focused() || !e.clipboardData) return
      e.preventDefault()
      void pasteRangeText(e.clipboardData.getData('text/plain'))
    }
    document.addEventListener('copy', onCopy)
    document.addEventListener('paste', onPaste)
    return () => {
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('paste', onPaste)
    }
  }, [gridRef])

  return useMemo(
    () => ({ onKeyDown, onMouseDown, onDoubleClick, onFocus, onCommit, onCancel }),
    [onKeyDown, onMouseDown, onDoubleClick, onFocus, onCommit, onCancel],
  )
}
