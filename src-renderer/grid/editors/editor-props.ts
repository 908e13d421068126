import type { CellValue, PropertyModel } from '../../../src-main/contract'

/** Where the cursor goes once an edit is committed (Enter: down, Tab: right, blur: stays). */
export type Move = { rows: number; cols: number }

export const STAY: Move = { rows: 0, cols: 0 }

export interface EditorProps {
  /** What a screen reader announces for the editor, e.g. "Title of Reportage/IMG_1.jpg". */
  label: string
  value: unknown
  /** The character that started editing: it replaces the value. */
  initial?: string
  /** The row's own property (its media type's settings: limits, allowed values). */
  property?: PropertyModel
  onCommit(value: CellValue, move: Move): void
  onCancel(): void
}

/** Enter, Tab and their Shift forms, as moves; other keys are the editor's own. */
export function commitMove(key: string, shift: boolean): Move | undefined {
  if (key === 'Enter') return { rows: shift ? -1 : 1, cols: 0 }
  if (key === 'Tab') return { rows: 0, cols: shift ? -1 : 1 }
  return undefined
}
