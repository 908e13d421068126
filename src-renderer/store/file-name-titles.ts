/**
 * Titles a desk would not publish: a value the prefill took from the file name (`DSC_0417`,
 * core/prefill marks it in `prefill.fallback`) that the cell still holds. The server takes it, so
 * it never blocks a submit; it is our taste, so it only warns: the counts bar's chip counts and
 * filters these rows, the Status cell adds a note, F8 reaches the cell (problems/problem-cells.ts).
 * Imported rows are done and left alone. Pure.
 */
import type { Row } from '../../src-main/contract'
import { rowState } from '../../src-shared/rows/row-state'
import { isFallbackValue } from '../grid/cells/probe-notes'
import { classifyRow, type RowClass } from './row-class'

/**
 * The handles whose cell still holds the file name, on a row not imported yet. `rowClass`: the
 * row's class when the caller has it (the summary tracker: one row state per row, not two).
 */
export function fileNameFields(row: Row, rowClass: RowClass | undefined | null = null): string[] {
  const fallback = row.prefill?.fallback
  if (!fallback || fallback.length === 0 || row.result) return []
  const group = rowClass === null ? classifyRow(row) : rowClass
  if (!group || group === 'imported') return []
  return fallback.filter((handle) => isFallbackValue(row, handle, row.entry?.metadata[handle]))
}

export const holdsFileNameTitle = (row: Row, rowClass: RowClass | undefined | null = null): boolean =>
  fileNameFields(row, rowClass).length > 0

/** The chip's words: "3 titles from file names". */
export const fileNameChipText = (count: number): string =>
  `${count.toLocaleString('en')} ${count === 1 ? 'title' : 'titles'} from file names`

/** The cell's and F8's message: what is wrong in a desk's eyes, and what to do. */
export const fileNameMessage = (value: unknown): string =>
  `The title is the file name ("${String(value)}"): give it a title a reader would understand. Not required to submit.`

/** A ready row whose title is its file name: its Status cell adds a note (it still goes on submit). */
export const readyWithFileNameTitle = (row: Row): boolean =>
  (row.prefill?.fallback.length ?? 0) > 0 && holdsFileNameTitle(row) && rowState(row).kind === 'ready'

export const FILE_NAME_STATUS =
  'Ready to submit, but its title is the file name: a reader would not understand it. Give it a title, or submit it as it is.'
