/**
 * Where the grid's problems are, cell by cell, in reading order (row by row as the grid lists
 * them, then column by column in the editor's layout): what an error card goes to first, and what
 * F8 / Shift+F8 step through (next / previous, wrapping round, as in an IDE). A failed submit or
 * upload sits on the cell that offers its way out (cell-display.ts cellIssues: the Status cell's
 * "Re-submit", the Upload cell's "Retry"). Hidden columns count: a problem in
 * externalId is reached with the Technical columns off, and `revealColumn` says how to show it.
 * Pure.
 */
import type { FieldIssue, Row } from '../../../src-main/contract'
import type { ColumnLayout } from '../../store/column-layout'
import { isShown, setHidden, setTechnical } from '../../store/column-layout'
import { fileNameFields, fileNameMessage } from '../../store/file-name-titles'
import { issueKey, rowProblems } from '../../store/issue-groups'
import { cellIssues } from '../cell-display'
import type { GridColumn } from '../column-model'

export interface ProblemCell {
  rowId: string
  columnId: string
  /** What the cell's message says (its first problem). */
  message: string
  /** The error groups (issue-groups.ts issueKey) the cell's problems belong to. */
  keys: string[]
}

/** A problem whose field has no column (the grid's cells cover every other one) is on the Errors cell. */
const FALLBACK = 'errors'
const sameIssue = (i: FieldIssue): string => `${i.field}\u0000${i.message}`

/** The row's problem cells, in column order. `columns`: every column in the layout's order, shown or not. */
export function rowProblemCells(row: Row, columns: readonly GridColumn[]): ProblemCell[] {
  const problems = rowProblems(row)
  if (problems.length === 0) return []
  const placed = new Set<string>()
  const byColumn = new Map<string, FieldIssue[]>()
  for (const column of columns) {
    if (column.kind === 'errors') continue
    const found = cellIssues(column, row, problems)
    if (found.length === 0) continue
    byColumn.set(column.id, found)
    for (const issue of found) placed.add(sameIssue(issue))
  }
  const rest = problems.filter((i) => !placed.has(sameIssue(i)))
  if (rest.length > 0) byColumn.set(FALLBACK, rest)
  const out: ProblemCell[] = []
  for (const column of columns) {
    const issues = byColumn.get(column.id)
    if (!issues) continue
    out.push({
      rowId: row.rowId,
      columnId: column.id,
      message: issues.map((i) => i.message).join(' '),
      keys: [...new Set(issues.map(issueKey))],
    })
  }
  return out
}

/** A row's cells of one sort (its problems, its titles from the file name), in column order. */
type RowCells = (row: Row, columns: readonly GridColumn[]) => ProblemCell[]

/** Those cells of every row listed, in the grid's order. */
const cellsOfRows =
  (perRow: RowCells) =>
  (rowIds: readonly string[], rowOf: (id: string) => Row | undefined, columns: readonly GridColumn[]) => {
    const out: ProblemCell[] = []
    for (const id of rowIds) {
      const row = rowOf(id)
      if (row) out.push(...perRow(row, columns))
    }
    return out
  }

/** Every problem cell of the rows listed, in the grid's order. */
export const problemCells = cellsOfRows(rowProblemCells)

/** The row's cells that still hold a title from the file name (file-name-titles.ts), in column order. */
export function rowFileNameCells(row: Row, columns: readonly GridColumn[]): ProblemCell[] {
  const handles = fileNameFields(row)
  if (handles.length === 0) return []
  const out: ProblemCell[] = []
  for (const column of columns) {
    const handle = column.field?.startsWith('metadata.') ? column.field.slice('metadata.'.length) : undefined
    if (!handle || !handles.includes(handle)) continue
    out.push({ rowId: row.rowId, columnId: column.id, message: fileNameMessage(row.entry?.metadata[handle]), keys: [] })
  }
  return out
}

/**
 * The titles from file names of the rows listed, in the grid's order: what F8 steps through
 * while the counts bar's "titles from file names" chip is the filter. A warning, in no error group.
 */
export const fileNameCells = cellsOfRows(rowFileNameCells)

/** The first cell of the rows listed that carries the error group `key`. */
export function firstCellWith(
  key: string,
  rowIds: readonly string[],
  rowOf: (id: string) => Row | undefined,
  columns: readonly GridColumn[],
): ProblemCell | undefined {
  for (const id of rowIds) {
    const row = rowOf(id)
    const cell = row && rowProblemCells(row, columns).find((c) => c.keys.includes(key))
    if (cell) return cell
  }
  return undefined
}

export interface Position {
  rowId: string
  columnId: string
}

export interface Step {
  cell: ProblemCell
  /** 0-based place in the list. */
  index: number
  total: number
}

/**
 * The next (1) or previous (-1) problem from `at`, wrapping round. `at` need not be a problem:
 * the step goes to the first problem after (or before) it in reading order. Undefined: none.
 */
export function stepProblem(
  cells: readonly ProblemCell[],
  at: Position | null,
  direction: 1 | -1,
  rowIds: readonly string[],
  columns: readonly GridColumn[],
): Step | undefined {
  const total = cells.length
  if (total === 0) return undefined
  const rowAt = new Map(rowIds.map((id, i) => [id, i]))
  const colAt = new Map(columns.map((c, i) => [c.id, i]))
  const rank = (p: Position) => [rowAt.get(p.rowId) ?? -1, colAt.get(p.columnId) ?? -1] as const
  const compare = (a: Position, b: Position) => {
    const [ra, ca] = rank(a)
    const [rb, cb] = rank(b)
    return ra - rb || ca - cb
  }
  let index: number
  if (!at || !rowAt.has(at.rowId)) index = direction === 1 ? 0 : total - 1
  else if (direction === 1) {
    const after = cells.findIndex((c) => compare(c, at) > 0)
    index = after === -1 ? 0 : after
  } else {
    let before = -1
    for (let i = total - 1; i >= 0 && before === -1; i--) if (compare(cells[i] as ProblemCell, at) < 0) before = i
    index = before === -1 ? total - 1 : before
  }
  return { cell: cells[index] as ProblemCell, index, total }
}

/** "Problem 2 of 7: Title is too long."; `what` names a warning's kind instead ("Title from a file name 2 of 3: …"). */
export const announceStep = (step: Step, what = 'Problem'): string =>
  `${what} ${(step.index + 1).toLocaleString('en')} of ${step.total.toLocaleString('en')}: ${step.cell.message}`

/** The layout that shows `column` (unhidden, Technical columns on if it is one); the same layout if shown. */
export function revealColumn(layout: ColumnLayout, column: GridColumn): ColumnLayout {
  if (isShown(column, layout)) return layout
  let next = layout.hidden.includes(column.id) ? setHidden(layout, column.id, false) : layout
  if (column.technical && !next.technical) next = setTechnical(next, true)
  return next
}
