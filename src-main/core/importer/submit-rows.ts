/**
 * One submit over a session's rows: pick the rows that may go, validate and send them through
 * `importRows`, and put every attempt and outcome on its row as it happens (an attempt fixes the
 * row's entry id; an outcome makes it imported, rejected with field issues, a conflict, or failed
 * with its reason). Rows with client issues are held back and carry them.
 */
import type { ProjectModel } from '../model/livingdocs'
import type { Row, RowChange, RowStatus } from '../model/row'
import type { Session } from '../session/session'
import { importRows, type ImportRowsOptions } from './import-rows'
import { alreadyInLibrary, editorExternalId, markInLibrary } from './content-identity'
import { asApiError, type ImportApi } from './lookups'
import type { EntryOutcome } from '../model/outcome'
import { draftOf } from '../pipeline/row-assets'
import { applyOutcome, rowsToSubmit, startAttempt } from '../pipeline/row-outcome'
import type { SubmitReport } from './submit-report'

export type { SubmitReport }

export interface SubmitRowsOptions {
  mode: 'all' | 'failed'
  rowIds?: readonly string[] | undefined
  signal?: AbortSignal | undefined
  defaultSystemName?: string
  batchSize?: number
  batchBytes?: number
  submit?: Pick<ImportRowsOptions, 'maxAttempts' | 'backoff' | 'sleep' | 'random' | 'concurrency' | 'maxRetryAfterMs'>
}

/** Rows that can become entries; the rest (scanned, skipped, unreadable) wait or never go. */
const submittable: readonly RowStatus[] = ['probed', 'uploading', 'uploaded', 'upload-failed', 'rejected', 'conflict']

const counter = { imported: 'imported', rejected: 'rejected', conflict: 'conflicts', failed: 'failed' } as const

/**
 * A row sent under its content identity whose externalId the library holds (found by the lookup
 * before sending, or a 409 `UniqueIdViolation` on externalId): the same bytes are in the library
 * already, so the row is "Already in the library", not a conflict to resolve.
 */
function inLibraryChange(row: Row | undefined, outcome: EntryOutcome): RowChange | undefined {
  if (!row || outcome.status !== 'conflict' || outcome.conflict.field !== 'externalId') return undefined
  if (editorExternalId(row)) return undefined
  const { mediaId, ...facts } = outcome.conflict.existing
  return markInLibrary(alreadyInLibrary({ mediaId, ...facts }, 'found in the library when sending'), row)
}

export async function submitSessionRows(
  session: Session,
  api: ImportApi,
  project: ProjectModel,
  options: SubmitRowsOptions,
): Promise<SubmitReport> {
  const report: SubmitReport = {
    considered: 0,
    imported: 0,
    rejected: 0,
    conflicts: 0,
    failed: 0,
    inLibrary: 0,
    heldBack: 0,
    unconfirmed: 0,
  }
  const wanted = options.rowIds ? new Set(options.rowIds) : undefined
  const rows = session
    .snapshot()
    .rows.filter((row) => (!wanted || wanted.has(row.rowId)) && row.entry && submittable.includes(row.status))
  const candidates = rowsToSubmit(rows, options.mode)
  report.considered = candidates.length
  if (candidates.length === 0) return report
  try {
    const result = await importRows(api, project, candidates.map(draftOf), {
      ...options.submit,
      ...(options.defaultSystemName ? { defaultSystemName: options.defaultSystemName } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.batchBytes ? { batchBytes: options.batchBytes } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onRowAttempt: (ids) => {
        for (const id of ids) {
          const row = session.getRow(id)
          if (row) session.updateRow(id, { ...startAttempt(row), issues: [], importFailure: undefined })
        }
      },
      onRowOutcome: (id, outcome: EntryOutcome) => {
        const known = inLibraryChange(session.getRow(id), outcome)
        if (known) {
          report.inLibrary++
          session.updateRow(id, known)
          return
        }
        report[counter[outcome.status]]++
        const row = session.getRow(id)
        if (row) session.updateRow(id, applyOutcome(outcome, row))
      },
    })
    for (const [rowId, issues] of result.prepared.heldBack) {
      report.heldBack++
      session.updateRow(rowId, { issues })
    }
    if (result.summary.stopped) report.stopped = result.summary.stopped
  } catch (err) {
    // The pre-flight lookup failed: nothing was sent.
    const { kind, message } = asApiError(err)
    report.stopped = { kind, message }
  }
  await session.persisted()
  return report
}
