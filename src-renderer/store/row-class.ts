/**
 * Where a row stands for the editor, in the five groups the counts bar shows: ready to submit,
 * invalid (something to fix before it can go), uploading (its bytes or its submit are still
 * moving), imported, failed (the server refused it or the upload broke). Files that are not
 * imported at all (skipped, unreadable) are in none of them. Pure.
 */
import type { Row } from '../../src-main/contract'
import { rowState } from '../../src-shared/rows/row-state'

export type RowClass = 'ready' | 'invalid' | 'uploading' | 'imported' | 'failed'

export const ROW_CLASSES: readonly RowClass[] = ['ready', 'invalid', 'uploading', 'imported', 'failed']

export const ROW_CLASS_LABELS: Record<RowClass, string> = {
  ready: 'Ready',
  invalid: 'Invalid',
  uploading: 'Uploading',
  imported: 'Imported',
  failed: 'Failed',
}

/** The group of the row's state (core `rowState`), so the counts and the Status cell always agree. */
export function classifyRow(row: Row): RowClass | undefined {
  return rowState(row).group
}

export type RowCounts = Record<RowClass, number>

export const emptyCounts = (): RowCounts => ({ ready: 0, invalid: 0, uploading: 0, imported: 0, failed: 0 })
