/**
 * What `media-import import` prints at the end: one record per file with its outcome, its state
 * in the grid's words (core `rowState`) and, for every file not imported, the reason (field issues
 * name the field) and the ways out. Pure.
 */
import { describeInLibrary } from '../core/importer/content-identity'
import type { AlreadyInLibrary, FieldIssue, Row, RowStatus } from '../core/model/row'
import { rowState, type WayOut } from '../../src-shared/rows/row-state'
import { formatBytes } from './scan-table'
import { terminalText } from './terminal-text'

export type Outcome =
  | 'imported'
  | 'in-library'
  | 'skipped'
  | 'unreadable'
  | 'upload-failed'
  /** Not sent: a field needs the editor (rowState's "Needs attention"). */
  | 'needs-attention'
  | 'rejected'
  | 'conflict'
  | 'failed'
  /** Imported, but its correction (core/updater) did not reach the library. */
  | 'update-failed'

/** How the summary line names each outcome. */
const OUTCOME_WORDS: Partial<Record<Outcome, string>> = {
  'in-library': 'already in the library',
  'needs-attention': 'need attention',
}

export interface ImportRecord {
  relativePath: string
  path: string
  outcome: Outcome
  status: RowStatus
  /** The row's state as the app's Status column words it ("Failed: … (6 tries)", "Needs attention: Title"). */
  state: string
  entryId?: string
  mediaId?: string
  mediaType?: string
  kind?: string
  mimeType?: string
  size: number
  key?: string
  url?: string
  reason?: string
  issues?: FieldIssue[]
  /** Outcome `in-library`: the entry that already holds this file's content (or, as a warning, a row's own externalId's). */
  inLibrary?: AlreadyInLibrary
  contentMatch?: AlreadyInLibrary
  /** What would resolve the row (`import-as-file`, `link`, `resubmit`, …); absent when nothing is left. */
  waysOut?: WayOut[]
}

const describeIssues = (issues: readonly FieldIssue[]): string =>
  issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')

function outcomeOf(row: Row): Outcome {
  // An imported row whose correction did not go through (or that a CSV could not correct).
  const imported = row.status === 'imported'
  if (imported && ((row.update && row.update.state !== 'updated') || (row.issues?.length ?? 0) > 0)) {
    return 'update-failed'
  }
  switch (row.status) {
    case 'imported':
    case 'in-library':
    case 'skipped':
    case 'unreadable':
    case 'upload-failed':
    case 'rejected':
    case 'conflict':
      return row.status
    default:
      return row.issues && row.issues.length > 0 ? 'needs-attention' : 'failed'
  }
}

const contentMatchWarning = (match: AlreadyInLibrary): string =>
  `Warning: the library also holds this file's content as entry ${match.mediaId} (${match.origin}).`

function reasonOf(row: Row, outcome: Outcome): string | undefined {
  if (outcome === 'in-library' && row.inLibrary) return describeInLibrary(row.inLibrary)
  if (outcome === 'imported') return row.contentMatch ? contentMatchWarning(row.contentMatch) : undefined
  if (outcome === 'update-failed') {
    if (row.issues && row.issues.length > 0) return describeIssues(row.issues)
    if (row.update?.error) return row.update.error.reason
    return row.update?.state === 'sending'
      ? 'Its correction was sent, but the answer was lost; run again with the same --session: it is looked up, not sent twice.'
      : 'Its correction was not sent; run again with the same --session.'
  }
  if (row.issues && row.issues.length > 0) return describeIssues(row.issues)
  if (row.conflict)
    return `The library already holds entry ${row.conflict.existing.mediaId} with this ${row.conflict.field}.`
  if (row.importFailure) return row.importFailure.reason
  if (row.upload?.error) return row.upload.error.message
  if (row.reason) return row.reason
  switch (row.status) {
    case 'scanned':
      return 'The file was not read yet (the run was interrupted); run again with the same --session.'
    case 'probed':
    case 'uploading':
      return 'The upload did not finish; run again with the same --session to continue it.'
    case 'submitting':
      return 'Sent, but the answer was lost; run again with the same --session: it is looked up, not sent twice.'
    default:
      return 'Not submitted.'
  }
}

export function importRecord(row: Row): ImportRecord {
  const outcome = outcomeOf(row)
  const reason = reasonOf(row, outcome)
  const state = rowState(row)
  return {
    relativePath: row.relativePath,
    path: row.path,
    outcome,
    status: row.status,
    state: state.label,
    ...(row.entry ? { entryId: row.entry.id } : {}),
    ...(row.result ? { mediaId: row.result.mediaId } : {}),
    ...(row.inLibrary ? { mediaId: row.inLibrary.mediaId, inLibrary: row.inLibrary } : {}),
    ...(row.contentMatch ? { contentMatch: row.contentMatch } : {}),
    ...(row.entry?.mediaType ? { mediaType: row.entry.mediaType } : {}),
    ...(row.kind ? { kind: row.kind } : {}),
    ...(row.mimeType ? { mimeType: row.mimeType } : {}),
    size: row.size,
    ...(row.upload?.key ? { key: row.upload.key, url: row.upload.url } : {}),
    ...(reason ? { reason } : {}),
    ...(row.issues && row.issues.length > 0 ? { issues: row.issues } : {}),
    ...(state.waysOut.length > 0 ? { waysOut: state.waysOut } : {}),
  }
}

/** Imported, already-in-the-library and skipped files are fine; every other outcome makes the run exit 1. */
export const isFailure = (record: ImportRecord): boolean =>
  record.outcome !== 'imported' && record.outcome !== 'in-library' && record.outcome !== 'skipped'

const pad = (text: string, width: number): string => (text.length >= width ? `${text} ` : text.padEnd(width))

export const importTableHeader = `${pad('OUTCOME', 14)}${pad('ENTRY ID', 34)}${'SIZE'.padStart(9)}  PATH`

export function importTableRow(record: ImportRecord): string {
  const id = record.mediaId ?? record.entryId ?? '-'
  // File names and server messages may hold anything: each printed line is made safe on its own.
  const line = terminalText(
    `${pad(record.outcome, 14)}${pad(id, 34)}${formatBytes(record.size).padStart(9)}  ${record.relativePath}`,
  )
  if (!isFailure(record)) return line
  // The state as the app words it, then the reason in full where the state does not already say it.
  const lines = [line, record.state]
  if (record.reason && !record.state.includes(record.reason)) lines.push(record.reason)
  return lines.map((text, i) => (i === 0 ? text : `${' '.repeat(16)}${terminalText(text)}`)).join('\n')
}

/** `updated`: imported entries this run corrected (core/updater), counted apart from the files' outcomes. */
export function importSummary(records: readonly ImportRecord[], updated = 0): string {
  const counts = new Map<Outcome, number>()
  for (const r of records) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1)
  const files = records.filter((r) => r.outcome !== 'skipped').length
  const parts = [...counts].filter(([o]) => o !== 'skipped').map(([o, n]) => `${n} ${OUTCOME_WORDS[o] ?? o}`)
  if (updated > 0) parts.push(`${updated} updated`)
  const skipped = counts.get('skipped')
  return `${files} ${files === 1 ? 'file' : 'files'}: ${parts.join(', ') || 'nothing to import'}${skipped ? ` (${skipped} skipped)` : ''}`
}
