/**
 * Between importer and session: what a row becomes after an outcome, which rows a submit or a
 * re-submit sends, and linking a conflict row to the entry the library already holds. Pure.
 */
import type { ImportConflict, Row, RowChange } from '../model/row'
import { step } from './row-step'
import type { EntryOutcome } from '../model/outcome'
import { isImported } from '../../../src-shared/rows/row-guards'

/** What the lifecycle needs of a row to move it: where it stands, and its names for a refusal. */
export type RowAt = Pick<Row, 'status'> & Partial<Pick<Row, 'rowId' | 'relativePath'>>

/** The change a row takes when an attempt for it starts: from now on its entry id is fixed. */
export function startAttempt(row: Row): RowChange {
  return { ...step(row, 'attempt'), submitAttempts: (row.submitAttempts ?? 0) + 1 }
}

/** The change an outcome makes to its row (`row`: where the row stands now). */
export function applyOutcome(outcome: EntryOutcome, row: RowAt): RowChange {
  switch (outcome.status) {
    case 'imported':
      return {
        ...step(row, 'imported'),
        result: { mediaId: outcome.mediaId, record: outcome.record },
        issues: [],
        conflict: undefined,
        importFailure: undefined,
      }
    case 'rejected':
      return { ...step(row, 'rejected'), issues: outcome.issues, conflict: undefined, importFailure: undefined }
    case 'conflict':
      return { ...step(row, 'conflict'), conflict: outcome.conflict, issues: outcome.issues, importFailure: undefined }
    case 'failed':
      // Back to "ready": nothing about the row is wrong, the exchange failed; the reason says what to do.
      return { ...step(row, 'failed'), importFailure: { reason: outcome.reason, retryable: outcome.retryable } }
  }
}

/**
 * Rows a submit sends: `all` = every row not yet imported; `failed` = those already tried and not
 * imported, plus conflicts the pre-flight lookup found before any attempt (the editor may have
 * changed their externalId since; one still in conflict is caught by the lookup again, unsent).
 */
export function rowsToSubmit(rows: readonly Row[], mode: 'all' | 'failed'): Row[] {
  return rows.filter((row) => {
    if (isImported(row)) return false
    if (row.status === 'submitting') return false
    return mode === 'all' || (row.submitAttempts ?? 0) > 0 || row.status === 'conflict'
  })
}

/** Accepts the library's existing entry as this row's entry (the editor chose "link" on a conflict). */
export function linkToExisting(row: Row, conflict: ImportConflict | undefined = row.conflict): RowChange {
  if (!conflict) return {}
  return {
    ...step(row, 'link'),
    result: { mediaId: conflict.existing.mediaId, record: { ...conflict.existing, linked: true } },
    conflict: undefined,
    issues: [],
    importFailure: undefined,
  }
}

/**
 * Why "link to the existing entry" cannot apply to this row, or undefined when it can. Only an
 * externalId conflict names an entry that is the same file under another id; an id clash is
 * someone else's entry that happens to hold our id, so linking to it would be wrong.
 */
export function linkRefusal(row: Row): string | undefined {
  const where = row.relativePath
  if (isImported(row)) return `${where} is already imported (media id ${row.result.mediaId}).`
  if (row.status === 'submitting') return `${where} is being sent right now; wait for its answer.`
  const conflict = row.conflict
  if (!conflict) {
    return `${where} has no conflict with a library entry, so there is nothing to link it to (submit it instead).`
  }
  if (conflict.field !== 'externalId') {
    return `${where}: library entry ${conflict.existing.mediaId} holds this row's entry id but is a different entry; it cannot be linked.`
  }
  return undefined
}
