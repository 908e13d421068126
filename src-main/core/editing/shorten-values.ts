/**
 * "Shorten", the way out of a value too long for its field: every text value of the rows given
 * that is longer than its property's maxLength (for the row's media type) is cut at a word with
 * "…" by the prefill's own cut (prefill/shorten.ts), as one undoable edit through the session
 * editor, so validation runs again and Ctrl+Z brings the whole text back. The row remembers what
 * it cut (`row.shortened`): the grid marks the cell "shortened" while it still holds that value.
 * A row with nothing too long says so and is left as it was.
 */
import type { ProjectModel } from '../model/livingdocs'
import type { RowActionReport } from '../model/row-action-report'
import { shortenAtWord } from '../prefill/shorten'
import type { Row } from '../model/row'
import type { Session } from '../session/session'
import { fieldPath, type FieldRef } from '../../../src-shared/editing/field-path'
import type { CellEdit } from './plan-edits'
import type { SessionEditor } from './session-editor'

export type ShortenMarks = NonNullable<Row['shortened']>

export interface ShortenPlan {
  edits: CellEdit[]
  marks: Map<string, ShortenMarks>
  report: RowActionReport
}

const length = (text: string): number => [...text].length

/** The row's text values over their field's maxLength, each with the field's limit. */
interface TooLong {
  ref: FieldRef
  text: string
  max: number
  /** The field as the grid names it: "Title", "Title (fr)". */
  label: string
}

function tooLong(row: Row, project: ProjectModel | undefined): TooLong[] {
  const type = project?.mediaTypes.find((t) => t.handle === row.entry?.mediaType)
  if (!type || !row.entry) return []
  const out: TooLong[] = []
  const check = (ref: FieldRef, handle: string, value: unknown) => {
    const property = type.properties.find((p) => p.handle === handle)
    const max = property?.maxLength
    if (typeof value !== 'string' || max === undefined || length(value) <= max) return
    const label = `${property?.label ?? handle}${ref.kind === 'translation' ? ` (${ref.locale})` : ''}`
    out.push({ ref, text: value, max, label })
  }
  for (const [handle, value] of Object.entries(row.entry.metadata)) check({ kind: 'metadata', handle }, handle, value)
  for (const [locale, translation] of Object.entries(row.entry.translations))
    for (const [handle, value] of Object.entries(translation.metadata))
      check({ kind: 'translation', locale, handle }, handle, value)
  return out
}

/** Pure: the edits and marks that shorten the rows' values, and what to tell the editor per row. */
export function planShorten(
  rowIds: readonly string[],
  rowOf: (rowId: string) => Row | undefined,
  project: ProjectModel | undefined,
): ShortenPlan {
  const plan: ShortenPlan = { edits: [], marks: new Map(), report: { done: 0, refused: 0, rows: [] } }
  for (const rowId of new Set(rowIds)) {
    const row = rowOf(rowId)
    const found = row ? tooLong(row, project) : []
    if (!row || found.length === 0) {
      plan.report.refused++
      const message = row
        ? `${row.relativePath} has no value longer than its field allows.`
        : `There is no row ${rowId} in this session (it was removed).`
      plan.report.rows.push({ rowId, done: false, message })
      continue
    }
    const marks: ShortenMarks = {}
    for (const { ref, text, max } of found) {
      const value = shortenAtWord(text, max)
      const field = fieldPath(ref)
      plan.edits.push({ rowId, field, value })
      marks[field] = { value, from: length(text) }
    }
    plan.marks.set(rowId, marks)
    plan.report.done++
    const fields = found.map((f) => f.label).join(', ')
    plan.report.rows.push({ rowId, done: true, message: `${row.relativePath}: ${fields} shortened to fit.` })
  }
  return plan
}

/** Applies the plan: one undoable edit; a cell the editor refuses leaves its row refused, with why. */
export async function shortenRows(
  session: Session,
  editor: SessionEditor,
  project: ProjectModel | undefined,
  rowIds: readonly string[],
): Promise<RowActionReport> {
  const plan = planShorten(rowIds, (id) => session.getRow(id), project)
  if (plan.edits.length === 0) return plan.report
  const outcome = editor.editCells(plan.edits)
  const refused = new Map(outcome.refused.map((r) => [r.rowId, r.message]))
  const report: RowActionReport = { done: 0, refused: 0, rows: [] }
  for (const result of plan.report.rows) {
    const why = refused.get(result.rowId)
    const row = result.done && !why ? session.getRow(result.rowId) : undefined
    const marks = plan.marks.get(result.rowId)
    if (row && marks) session.updateRow(result.rowId, { shortened: { ...row.shortened, ...marks } })
    const done = result.done && !why
    report[done ? 'done' : 'refused']++
    report.rows.push(why ? { rowId: result.rowId, done: false, message: why } : result)
  }
  session.flush()
  await session.persisted()
  return report
}
