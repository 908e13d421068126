/**
 * The error panel's groups: rows grouped by what is wrong ("Title: Title is required." ×212,
 * "externalId: … is also used by … other row(s)" ×9). Messages name the row's own values, so
 * quoted values and numbers are blanked out for grouping; the group shows the blanked wording.
 * One pass over the rows also yields the counts bar's figures. Pure.
 */
import type { FieldIssue, Row } from '../../src-main/contract'
import { rowState } from '../../src-shared/rows/row-state'
import { holdsFileNameTitle } from './file-name-titles'
import { classifyRow, emptyCounts, type RowCounts } from './row-class'

export interface IssueGroup {
  key: string
  field: string
  /** The wording with the row's own values blanked out. */
  message: string
  /** One row's own message, shown when the group has one row. */
  example: string
  source: FieldIssue['source']
  rows: number
}

export interface RowSummary {
  counts: RowCounts
  groups: IssueGroup[]
  /** The media types of the session's rows, sorted (the grid's columns follow them); absent before the first summary. */
  mediaTypes?: string[]
  /** Rows whose title is still their file name (file-name-titles.ts): a warning, not a block; absent: none yet. */
  fileNameTitles?: number
}

/** The cards of failed submits and uploads (`rowProblems`): their numbers are the server's, not the row's. */
const STATE_FIELDS = new Set(['Import', 'Upload'])

export function issueKey(issue: FieldIssue): string {
  const quoted = issue.message.replace(/"[^"]*"/g, '"…"')
  // "503", "after 6 attempts" are the same for every row and say what happened: they stay.
  const message = STATE_FIELDS.has(issue.field) ? quoted : quoted.replace(/\d+/g, '…')
  return `${issue.field}\u0000${message}`
}

/**
 * The row's issues, plus the cause of a failed submit or upload: those belong to no field, but
 * the editor needs their card and their Errors cell as much ("Import: … 503 … ×18").
 */
export function rowProblems(row: Row): FieldIssue[] {
  const issues = row.issues ?? []
  const state = rowState(row)
  if ((state.kind !== 'failed' && state.kind !== 'upload-failed') || !state.reason) return issues
  const submit = state.kind === 'failed'
  return [
    ...issues,
    { field: submit ? 'Import' : 'Upload', message: state.reason, source: submit ? 'server' : 'client' },
  ]
}

export function summariseRows(rows: Iterable<Row>): RowSummary {
  const counts = emptyCounts()
  const groups = new Map<string, IssueGroup>()
  const mediaTypes = new Set<string>()
  let fileNameTitles = 0
  for (const row of rows) {
    if (row.entry?.mediaType !== undefined) mediaTypes.add(row.entry.mediaType)
    if (holdsFileNameTitle(row)) fileNameTitles++
    const rowClass = classifyRow(row)
    if (!rowClass) continue
    counts[rowClass]++
    const seen = new Set<string>()
    for (const issue of rowProblems(row)) {
      const key = issueKey(issue)
      if (seen.has(key)) continue
      seen.add(key)
      const group = groups.get(key)
      if (group) group.rows++
      else
        groups.set(key, {
          key,
          field: issue.field,
          message: key.split('\u0000')[1] ?? '',
          example: issue.message,
          source: issue.source,
          rows: 1,
        })
    }
  }
  return {
    counts,
    groups: [...groups.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)),
    mediaTypes: [...mediaTypes].sort(),
    fileNameTitles,
  }
}

export const rowHasIssue = (row: Row, key: string): boolean => rowProblems(row).some((i) => issueKey(i) === key)
