/**
 * Which rows the grid lists, in which order. Main keeps skipped entries (hidden files, OS files,
 * sidecars) as rows so nothing is silently lost, but they are not media: they are left out unless
 * the editor asks to see them. Sorting and filtering are acts, as in a spreadsheet: the list is
 * worked out when the editor sorts or filters and when rows come or go, not on every edit, so an
 * edited row does not jump away from under the cursor and a keystroke costs no pass over 50,000
 * rows. Pure.
 */
import type { Row } from '../../src-main/contract'
import type { GridColumn } from '../grid/column-model'
import { columnText, sortValue } from '../grid/cell-display'
import { holdsFileNameTitle } from './file-name-titles'
import { rowHasIssue } from './issue-groups'
import { classifyRow, type RowClass } from './row-class'
import type { MirrorChange, SessionMirror } from './session-mirror'

export interface SortSpec {
  column: GridColumn
  direction: 'asc' | 'desc'
}

export interface FilterSpec {
  /** Words that must appear in the file's path or any text cell (case-insensitive). */
  text: string
  rowClass: RowClass | null
  /** An error group (issue-groups.ts issueKey). */
  issueKey: string | null
  /** Only rows whose title is still their file name (file-name-titles.ts; the counts bar's chip). */
  fileNameTitles: boolean
}

export interface ViewSpec {
  showSkipped: boolean
  sort: SortSpec | null
  filter: FilterSpec
  /** Columns the text filter searches. */
  searchColumns: readonly GridColumn[]
}

export interface RowView {
  /** Row ids the grid shows, in order. */
  ids: readonly string[]
  /** Skipped rows in the session, shown or not (as of the last full pass). */
  skipped: number
}

export const emptyFilter: FilterSpec = { text: '', rowClass: null, issueKey: null, fileNameTitles: false }
export const emptyRowView: RowView = { ids: [], skipped: 0 }

export const isFiltered = (filter: FilterSpec): boolean =>
  filter.text.trim() !== '' || filter.rowClass !== null || filter.issueKey !== null || filter.fileNameTitles

function matcher(spec: ViewSpec): (row: Row) => boolean {
  const words = spec.filter.text.toLowerCase().split(/\s+/).filter(Boolean)
  const { rowClass, issueKey, fileNameTitles } = spec.filter
  return (row) => {
    if (row.status === 'skipped' && !spec.showSkipped) return false
    if (rowClass && classifyRow(row) !== rowClass) return false
    if (issueKey && !rowHasIssue(row, issueKey)) return false
    if (fileNameTitles && !holdsFileNameTitle(row)) return false
    if (words.length === 0) return true
    const haystack = [row.relativePath, ...spec.searchColumns.map((c) => columnText(c, row))].join('\n').toLowerCase()
    return words.every((w) => haystack.includes(w))
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** The whole list from scratch: after sorting or filtering, or a new snapshot. */
export function deriveRowView(mirror: SessionMirror, spec: ViewSpec): RowView {
  const matches = matcher(spec)
  let skipped = 0
  const ids: string[] = []
  for (const id of mirror.ids) {
    const row = mirror.byId.get(id)
    if (!row) continue
    if (row.status === 'skipped') skipped++
    if (matches(row)) ids.push(id)
  }
  if (spec.sort) {
    const { column, direction } = spec.sort
    const keys = new Map(ids.map((id) => [id, sortValue(column, mirror.byId.get(id) as Row)]))
    const sign = direction === 'asc' ? 1 : -1
    ids.sort((a, b) => {
      const x = keys.get(a) as string | number
      const y = keys.get(b) as string | number
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))
      return sign * order
    })
  }
  return { ids, skipped }
}

/** The list after a patch: removed rows leave, new rows that match join at the end, nothing moves. */
export function followPatch(view: RowView, mirror: SessionMirror, change: MirrorChange, spec: ViewSpec): RowView {
  if (change.added.length === 0 && change.removed.size === 0) return view
  const matches = matcher(spec)
  let skipped = view.skipped
  let ids = change.removed.size > 0 ? view.ids.filter((id) => !change.removed.has(id)) : view.ids
  const joining: string[] = []
  for (const id of change.added) {
    const row = mirror.byId.get(id)
    if (!row) continue
    if (row.status === 'skipped') skipped++
    if (matches(row)) joining.push(id)
  }
  if (joining.length > 0) ids = [...ids, ...joining]
  return ids === view.ids && skipped === view.skipped ? view : { ids, skipped }
}
