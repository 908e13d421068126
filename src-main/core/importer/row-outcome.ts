/**
 * Between importer and session: what a row becomes after an outcome, which rows a submit or a
 * re-submit sends, and linking a conflict row to the entry the library already holds. Pure.
 */
import type { ImportConflict, Row } from '../session/row'
import type { EntryOutcome } from './outcome'

/** The change a row takes when an attempt for it starts: from now on its entry id is fixed. */
export function startAttempt(row: Row): Partial<Row> {
  return { status: 'submitting', submitAttempts: (row.submitAttempts ?? 0) + 1 }
}

export function applyOutcome(outcome: EntryOutcome): Partial<Row> {
  switch (outcome.status) {
    case 'imported':
      return {
        status: 'imported',
        result: { mediaId: outcome.mediaId, record: outcome.record },
        issues: [],
        conflict: undefined,
        importFailure: undefined,
      }
    case 'rejected':
      return { status: 'rejected', issues: outcome.issues, conflict: undefined, importFailure: undefined }
    case 'conflict':
      return { status: 'conflict', conflict: outcome.conflict, issues: outcome.issues, importFailure: undefined }
    case 'failed':
      // Back to "ready": nothing about the row is wrong, the exchange failed; the reason says what to do.
      return { status: 'uploaded', importFailure: { reason: outcome.reason, retryable: outcome.retryable } }
  }
}

/** An imported row never goes again; its media id and record are kept. */
export const isImported = (row: Row): boolean => row.status === 'imported' || row.result !== undefined

/** Rows a submit sends: `all` = every row not yet imported; `failed` = those already tried and not imported. */
export function rowsToSubmit(rows: readonly Row[], mode: 'all' | 'failed'): Row[] {
  return rows.filter((row) => {
    if (isImported(row)) return false
    if (row.status === 'submitting') return false
    return mode === 'all' || (row.submitAttempts ?? 0) > 0
  })
}

/** Accepts the library's existing entry as this row's entry (the editor chose "link" on a conflict). */
export function linkToExisting(row: Row, conflict: ImportConflict | undefined = row.conflict): Partial<Row> {
  if (!conflict) return {}
  return {
    status: 'imported',
    result: { mediaId: conflict.existing.mediaId, record: { ...conflict.existing, linked: true } },
    conflict: undefined,
    issues: [],
    importFailure: undefined,
  }
}
