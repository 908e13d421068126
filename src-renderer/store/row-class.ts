/**
 * Where a row stands for the editor, in the five groups the counts bar shows: ready to submit,
 * invalid (something to fix before it can go), uploading (its bytes or its submit are still
 * moving), imported, failed (the server refused it or the upload broke). Files that are not
 * imported at all (skipped, unreadable) are in none of them. Pure.
 */
import type { Row } from '../../src-main/contract'

export type RowClass = 'ready' | 'invalid' | 'uploading' | 'imported' | 'failed'

export const ROW_CLASSES: readonly RowClass[] = ['ready', 'invalid', 'uploading', 'imported', 'failed']

export const ROW_CLASS_LABELS: Record<RowClass, string> = {
  ready: 'Ready',
  invalid: 'Invalid',
  uploading: 'Uploading',
  imported: 'Imported',
  failed: 'Failed',
}

export function classifyRow(row: Row): RowClass | undefined {
  switch (row.status) {
    case 'skipped':
    case 'unreadable':
      return undefined
    case 'imported':
      // A correction on its way counts like a row to send; a failed one like a failed row.
      if (row.update?.state === 'pending') return 'ready'
      if (row.update?.state === 'sending') return 'uploading'
      return row.update?.state === 'failed' ? 'failed' : 'imported'
    case 'rejected':
    case 'conflict':
    case 'upload-failed':
      return 'failed'
    case 'submitting':
      return 'uploading'
  }
  if (row.importFailure) return 'failed'
  if ((row.issues?.length ?? 0) > 0) return 'invalid'
  return row.status === 'uploaded' ? 'ready' : 'uploading'
}

export type RowCounts = Record<RowClass, number>

export const emptyCounts = (): RowCounts => ({ ready: 0, invalid: 0, uploading: 0, imported: 0, failed: 0 })
