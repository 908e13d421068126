/**
 * What an import leaves in the log: each row's steps (as its status changes), upload failures
 * with their code, and each submit's report. It listens to the session and the upload engine
 * from outside, so the pipeline stays free of logging calls. Metadata values are not logged (an
 * editor's captions are not for a support ticket); paths, ids, statuses and messages are.
 */
import { onRefusedStep } from '../pipeline/row-step'
import type { Row, RowStatus } from '../model/row'
import type { Session } from '../session/session'
import type { UploadEngine } from '../storage/upload-engine'
import type { LogLevel, Logger } from './logger'

/** Statuses worth a line at info; the rest (probed, uploading, …) go at debug. */
const levelOf: Partial<Record<RowStatus, LogLevel>> = {
  unreadable: 'warn',
  'upload-failed': 'warn',
  uploaded: 'info',
  imported: 'info',
  rejected: 'warn',
  conflict: 'warn',
}

function rowFields(row: Row): Record<string, unknown> {
  const fields: Record<string, unknown> = { rowId: row.rowId, path: row.relativePath, status: row.status }
  if (row.entry?.id) fields.entryId = row.entry.id
  if (row.reason) fields.reason = row.reason
  if (row.status === 'uploaded' && row.upload?.key) {
    fields.key = row.upload.key
    fields.bucket = row.upload.bucket
  }
  if (row.status === 'upload-failed' && row.upload?.error) fields.uploadError = row.upload.error
  if (row.status === 'submitting') fields.attempt = row.submitAttempts
  if (row.result) fields.mediaId = row.result.mediaId
  if (row.issues?.length) fields.issues = row.issues.map((i) => `${i.field}: ${i.message}`)
  if (row.conflict) fields.conflict = { field: row.conflict.field, mediaId: row.conflict.existing.mediaId }
  if (row.importFailure) fields.importFailure = row.importFailure
  return fields
}

/** Logs row steps and upload failures until the returned function is called. */
export function logImportActivity(logger: Logger, session: Session, engine: UploadEngine): () => void {
  const lastStatus = new Map<string, RowStatus>()
  for (const row of session.snapshot().rows) lastStatus.set(row.rowId, row.status)
  const offRows = session.onRows((rows) => {
    for (const row of rows) {
      if (lastStatus.get(row.rowId) === row.status) continue
      lastStatus.set(row.rowId, row.status)
      logger.log(levelOf[row.status] ?? 'debug', 'row.status', rowFields(row))
    }
  })
  const offEngine = engine.on('row', (event) => {
    if (event.type !== 'failed') return
    const { rowId, locale, code, message, retryable } = event
    logger.warn('upload.failed', { rowId, ...(locale ? { locale } : {}), code, message, retryable })
  })
  // A move the row's lifecycle refused (pipeline/row-lifecycle.ts): the row kept its status.
  // (`lifeEvent`: the record's own `event` is the log's.)
  const offRefused = onRefusedStep(({ event, ...refused }) =>
    logger.warn('row.transition-refused', { ...refused, lifeEvent: event }),
  )
  // A change that would have left a row without what its status needs (session/session.ts).
  const offChange = session.onRefusedChange((refused) => logger.warn('row.change-refused', { ...refused }))
  return () => {
    offRows()
    offEngine()
    offRefused()
    offChange()
  }
}
