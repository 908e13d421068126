/**
 * What an edit command answers: counts, the cells that refused and why, and where undo stands.
 * The rows themselves travel as a session patch. Types only, free of Node: the contract and the
 * renderer use them.
 */
import type { CsvPreview } from './csv-import'
import type { FindReport } from './find-replace'
import type { RefusedCell } from './plan'
import type { HistoryState } from '../model/session-shapes'

export interface EditOutcome {
  /** Cells that changed. */
  changed: number
  /** Rows that changed. */
  rows: number
  /** Cells that refused, with why (the first 100); `refusedCount` counts all. */
  refused: RefusedCell[]
  refusedCount: number
  history: HistoryState
  /** The action's name, as undo and redo name it. */
  label?: string
}

export interface PasteOutcome extends EditOutcome {
  rowsLeftOver: number
  columnsLeftOver: number
}

export type FindOutcome = FindReport & {
  /** Absent for a preview: nothing was changed. */
  applied?: EditOutcome
  /** Matching cells that cannot change (imported rows, …). */
  refusedCount: number
}

export type { CsvChange, CsvPreview } from './csv-import'

export interface CsvApplied extends EditOutcome {
  preview: CsvPreview
}

/** Where an export went: a file the editor chose, nowhere (cancelled), or back to the window to download. */
export interface ExportAnswer {
  fileName: string
  saved: 'file' | 'cancelled' | 'download'
  path?: string
  /** With `download`: the file's text. */
  content?: string
  records: number
}
