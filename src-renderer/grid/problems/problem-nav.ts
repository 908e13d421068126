/**
 * The grid's way to its problems, as the window does it: an error card shows every row of its
 * group (clearing the text and state filters that would hide them, and saying so in the chip
 * above the grid), selects them and puts the cursor on the first affected cell; F8 / Shift+F8
 * go to the next / previous problem cell anywhere in the rows listed and say where they went
 * ("Problem 2 of 7: …") in a polite live region. A cell in a hidden column is shown first (the
 * Technical columns turned on for externalId). The cell's message shows under it while it is
 * the active cell (GridCell). Which cells and in which order: problem-cells.ts.
 */
import { create } from 'zustand'
import { useAppStore, type AppState } from '../../store/app-store'
import { orderedColumns, type ColumnLayout } from '../../store/column-layout'
import { ROW_CLASS_LABELS } from '../../store/row-class'
import type { GridColumn } from '../column-model'
import type { Position, ProblemCell } from './problem-cells'
import { announceStep, fileNameCells, firstCellWith, problemCells, revealColumn, stepProblem } from './problem-cells'

interface ProblemNav {
  /** The last thing said politely (the live region's text). */
  said: string
  /** What showing an error group cleared, for the chip: only while that group is the filter. */
  cleared: { issueKey: string; what: string[] } | null
}

export const useProblemNav = create<ProblemNav>()(() => ({ said: '', cleared: null }))

const app = () => useAppStore.getState()

const say = (said: string) => useProblemNav.setState({ said })

/** Shows the cell's column if it is hidden, makes the cell the active one and gives the grid the keyboard. */
function goTo(cell: Position): void {
  const s = app()
  const column = s.columns.find((c) => c.id === cell.columnId)
  if (column) {
    const layout = revealColumn(s.layout, column)
    if (layout !== s.layout) s.setLayout(layout)
  }
  app().setActive({ rowId: cell.rowId, columnId: cell.columnId })
  document.querySelector<HTMLElement>('.grid[role="grid"]')?.focus({ preventScroll: true })
}

/** "Change the externalId": the row's externalId cell, shown (Technical columns on) and open for typing. */
export function editExternalId(rowId: string): void {
  goTo({ rowId, columnId: 'externalId' })
  app().startEditing()
}

/** An error card pressed: its rows, all of them, selected, and the first affected cell active. Pressed again: the filter goes. */
export function showIssue(issueKey: string): void {
  const before = app()
  if (before.filter.issueKey === issueKey) return clearIssueFilter()
  const what: string[] = []
  const text = before.filter.text.trim()
  if (text) what.push(`the text filter "${text}"`)
  if (before.filter.rowClass) what.push(`the ${ROW_CLASS_LABELS[before.filter.rowClass]} filter`)
  if (before.filter.fileNameTitles) what.push('the titles-from-file-names filter')
  before.setFilter({ text: '', rowClass: null, issueKey, fileNameTitles: false })
  useProblemNav.setState({ cleared: { issueKey, what } })
  const s = app()
  const ids = s.rowView.ids
  s.selectRows(ids, 'replace')
  const cell = firstCellWith(issueKey, ids, (id) => s.session.byId.get(id), orderedColumns(s.columns, s.layout))
  if (cell) {
    goTo(cell)
    say(`${ids.length.toLocaleString('en')} row${ids.length === 1 ? '' : 's'} shown. ${cell.message}`)
  }
}

/** The chip's ×: every row again (the filters the card cleared stay cleared; the chip said which). */
export function clearIssueFilter(): void {
  app().setFilter({ issueKey: null })
  useProblemNav.setState({ cleared: null })
}

/**
 * The problem cells of the rows listed, worked out again only when the rows, the list or the
 * layout changed: a pass over 50,000 rows costs about a tenth of a second here, and an editor
 * stepping through problems presses F8 many times over the same grid.
 */
let last: {
  ids: readonly string[]
  rows: unknown
  columns: readonly GridColumn[]
  titles: boolean
  cells: ProblemCell[]
} | null = null

/** `titles`: the titles from file names (the chip's filter is on) instead of the problems. */
function cellsNow(s: AppState, columns: readonly GridColumn[], titles: boolean): ProblemCell[] {
  const ids = s.rowView.ids
  // The mirror is a new object at every patch (its map is updated in place: session-mirror.ts).
  const rows = s.session
  if (last && last.ids === ids && last.rows === rows && last.columns === columns && last.titles === titles)
    return last.cells
  const cells = (titles ? fileNameCells : problemCells)(ids, (id) => rows.byId.get(id), columns)
  last = { ids, rows, columns, titles, cells }
  return cells
}

const TITLE_STEP = 'Title from a file name'

/**
 * The counts bar's "titles from file names" chip: only those rows, the cursor on the first such
 * title, and F8 from there to the next (stepToProblem). Pressed again: every row.
 */
export function showFileNameTitles(): void {
  const s = app()
  if (s.filter.fileNameTitles) return s.setFilter({ fileNameTitles: false })
  s.setFilter({ fileNameTitles: true, issueKey: null, rowClass: null })
  useProblemNav.setState({ cleared: null })
  const after = app()
  const ids = after.rowView.ids
  const [first] = cellsNow(after, allColumns(after), true)
  if (!first) return
  goTo(first)
  say(`${ids.length.toLocaleString('en')} row${ids.length === 1 ? '' : 's'} shown. F8 goes to the next title.`)
}

/** `orderedColumns` for a layout, kept while the layout and the columns stay (cellsNow compares it). */
let ordered: { columns: readonly GridColumn[]; layout: ColumnLayout; all: GridColumn[] } | null = null

function allColumns(s: AppState): GridColumn[] {
  if (ordered?.columns !== s.columns || ordered.layout !== s.layout)
    ordered = { columns: s.columns, layout: s.layout, all: orderedColumns(s.columns, s.layout) }
  return ordered.all
}

/**
 * F8 (1) / Shift+F8 (-1): the next / previous problem cell from the cursor, wrapping round; the
 * next title from a file name while the chip's filter is on.
 */
export function stepToProblem(direction: 1 | -1): void {
  const s = app()
  const columns = allColumns(s)
  const ids = s.rowView.ids
  const titles = s.filter.fileNameTitles
  const cells = cellsNow(s, columns, titles)
  const step = stepProblem(cells, s.active, direction, ids, columns)
  const none = titles ? 'No titles from file names in the rows shown.' : 'No problems in the rows shown.'
  if (!step) return say(ids.length > 0 ? none : 'No rows shown.')
  goTo(step.cell)
  say(titles ? announceStep(step, TITLE_STEP) : announceStep(step))
}

/** F8 anywhere in the window but a text field (a cell's editor included: its value is not committed yet). */
export function onProblemKey(e: KeyboardEvent): void {
  if (e.key !== 'F8' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
  const target = e.target as HTMLElement | null
  if (target?.closest('input, textarea, select, [contenteditable="true"]') || app().editing) return
  e.preventDefault()
  stepToProblem(e.shiftKey ? -1 : 1)
}
