/**
 * What a row still asks of the editor, for the session list's "what is left" and "unfinished".
 * Pure. A row is settled when nothing more can come of it: imported, already in the library
 * (importer/content-identity.ts), skipped by the scan (OS
 * files such as `.DS_Store` or `Thumbs.db`, hidden files, sidecars, links outside the drop), or
 * an empty file (0 bytes: there is nothing to import, and no action in the app changes that).
 * Without this, one `.DS_Store` or empty file kept a session "unfinished" for ever, and the
 * reopen prompt came on every start (issue #17).
 */
import type { Row, RowStatus } from '../../model/row'

const failedStatuses: ReadonlySet<RowStatus> = new Set(['upload-failed', 'rejected', 'conflict', 'unreadable'])

/** A file the app can do nothing with: only the editor's own file (re-exported, refilled) would help. */
function nothingToImport(row: Pick<Row, 'status' | 'probeError'>): boolean {
  return row.status === 'unreadable' && row.probeError?.code === 'empty'
}

export function isSettled(row: Pick<Row, 'status' | 'probeError'>): boolean {
  return row.status === 'imported' || row.status === 'in-library' || row.status === 'skipped' || nothingToImport(row)
}

/** The last attempt failed (upload, validation, conflict, unreadable) and the row can still be helped. */
export function isFailed(row: Pick<Row, 'status' | 'probeError'>): boolean {
  return failedStatuses.has(row.status) && !nothingToImport(row)
}
