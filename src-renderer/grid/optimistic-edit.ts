/**
 * A typed value is painted at once and sent to main as a command once that frame is painted;
 * main's answer and patch then settle it (store/pending-edits.ts). Undo and redo stay in main:
 * this only changes what the cell shows while the command is on its way.
 */
import type { CellValue } from '../../src-main/contract'
import { api } from '../api'
import { nextPaint } from '../next-paint'
import { useAppStore } from '../store/app-store'
import type { GridColumn } from './column-model'
import { cellValue } from './cell-display'
import { runEdit } from './grid-actions'

/** What the cell shows now: the pending value while there is one, else main's. */
export function shownValue(rowId: string, column: GridColumn): unknown {
  const s = useAppStore.getState()
  const pending = column.field ? s.pending.cells.get(rowId)?.[column.field] : undefined
  if (pending) return pending.value
  const row = s.session.byId.get(rowId)
  return row ? cellValue(column, row) : undefined
}

export async function commitTyped(rowId: string, column: GridColumn, value: CellValue): Promise<void> {
  const field = column.field
  if (!field) return
  const s = useAppStore.getState()
  const seq = s.showPending(rowId, field, value)
  // The pending value paints in this frame; main's check and its patch come after it.
  api.holdUntil(nextPaint())
  const outcome = await runEdit(`Could not change ${column.label}`, () =>
    api.editCells({ edits: [{ rowId, field, value }] }),
  )
  useAppStore
    .getState()
    .settlePending(
      [{ rowId, field, seq }],
      outcome ? { refused: outcome.refused, changed: outcome.changed > 0 } : undefined,
    )
}
