/**
 * The grid's edits as plans: cells typed in, a bulk set on a selection (Only where empty, Replace,
 * Append as bulk-append.ts joins, Clear),
 * fill-down from the first row, and a pasted range. Typed and bulk values may hold variables
 * ({filename}, {seq}…), resolved per row; pasted and filled values are data and stay literal.
 * Pure.
 */
import { isEmptyValue } from '../livingdocs/entry-builder'
import { appended, type BulkMode } from '../../../src-shared/editing/bulk-append'
import { coerceCellValue } from '../../../src-shared/editing/cell-text'
import { propertyOf } from '../../../src-shared/editing/edit-rules'
import { readField, type FieldRef } from '../../../src-shared/editing/field-path'
import { addWrite, emptyPlan, fieldRefs, uniqueIds, type Plan, type PlanContext } from './plan'
import { parseTsv } from '../../../src-shared/editing/tsv'
import { compileTemplate, renderTemplate, type Template } from './variables'

export type CellValue = string | number | boolean | string[] | null

export interface CellEdit {
  rowId: string
  field: string
  value: CellValue
}

export class PlanError extends Error {
  override name = 'PlanError'
}

function refsOrThrow(fields: readonly string[]): FieldRef[] {
  const refs = fieldRefs(fields)
  if ('error' in refs) throw new PlanError(refs.error)
  return refs
}

/** The value for one row: text through its template, anything else as given. */
function resolved(template: Template | undefined, value: CellValue, ctx: PlanContext, rowId: string, seq: number) {
  if (typeof value !== 'string' || !template?.hasVariables) return value
  const row = ctx.row(rowId)
  return row ? renderTemplate(template, row, seq) : value
}

export function planCells(ctx: PlanContext, edits: readonly CellEdit[]): Plan {
  const plan = emptyPlan()
  const refs = refsOrThrow(edits.map((e) => e.field))
  edits.forEach((edit, i) => {
    const ref = refs[i] as FieldRef
    let template: Template | undefined
    if (typeof edit.value === 'string') {
      const compiled = compileTemplate(edit.value)
      if ('error' in compiled) {
        plan.refused.push({ rowId: edit.rowId, field: edit.field, message: compiled.error })
        return
      }
      template = compiled
    }
    addWrite(plan, ctx, edit.rowId, edit.field, ref, resolved(template, edit.value, ctx, edit.rowId, i + 1))
  })
  return plan
}

export type { BulkMode } from '../../../src-shared/editing/bulk-append'

export function planBulk(
  ctx: PlanContext,
  rowIds: readonly string[],
  field: string,
  mode: BulkMode,
  value: CellValue,
): Plan {
  const [ref] = refsOrThrow([field]) as [FieldRef]
  let template: Template | undefined
  if (mode !== 'clear' && typeof value === 'string') {
    const compiled = compileTemplate(value)
    if ('error' in compiled) throw new PlanError(compiled.error)
    template = compiled
  }
  const plan = emptyPlan()
  uniqueIds(rowIds).forEach((rowId, i) => {
    if (mode === 'clear') return addWrite(plan, ctx, rowId, field, ref, undefined)
    const row = ctx.row(rowId)
    if (mode === 'fill-empty' && !isEmptyValue(readField(row?.entry, ref))) return
    const given = resolved(template, value, ctx, rowId, i + 1)
    if (mode === 'replace' || mode === 'fill-empty') return addWrite(plan, ctx, rowId, field, ref, given)
    const addition = coerceCellValue(row ? propertyOf(ctx.project, row, ref) : undefined, given)
    const next = appended(readField(row?.entry, ref), addition, 'handle' in ref ? ref.handle : undefined)
    if ('refuse' in next) plan.refused.push({ rowId, field, message: next.refuse })
    else addWrite(plan, ctx, rowId, field, ref, next.value)
  })
  return plan
}

const SERIES = /^(.*?)(\d+)$/

/**
 * The value the n-th row below the source gets. Identifiers (id, externalId) must be unique, so
 * one that ends in a number continues as a series (photo-041, photo-042…), as a spreadsheet's fill
 * handle does; every other value is copied as it is.
 */
function filled(ref: FieldRef, value: unknown, n: number): unknown {
  if ((ref.kind !== 'id' && ref.kind !== 'externalId') || typeof value !== 'string') return value
  const match = SERIES.exec(value)
  if (!match) return value
  const digits = match[2] as string
  return `${match[1]}${String(Number(digits) + n).padStart(digits.length, '0')}`
}

/** Every row after the first takes the first row's value in each field (Ctrl+D). */
export function planFillDown(ctx: PlanContext, rowIds: readonly string[], fields: readonly string[]): Plan {
  const refs = refsOrThrow(fields)
  const [sourceId, ...targets] = uniqueIds(rowIds)
  const source = sourceId ? ctx.row(sourceId) : undefined
  if (!source) throw new PlanError('Fill-down needs the row to copy from: it is no longer in the session.')
  const plan = emptyPlan()
  targets.forEach((rowId, n) => {
    refs.forEach((ref, i) =>
      addWrite(plan, ctx, rowId, fields[i] as string, ref, filled(ref, readField(source.entry, ref), n + 1)),
    )
  })
  return plan
}

export interface PastePlan extends Plan {
  /** Pasted rows beyond the last row given, and columns beyond the last field given: not pasted. */
  rowsLeftOver: number
  columnsLeftOver: number
}

/**
 * A range pasted at the active cell: text row r goes to `rowIds[r]`, text column c to
 * `fields[c]`. One pasted cell onto several rows fills them all, as spreadsheets do.
 */
export function planPaste(
  ctx: PlanContext,
  rowIds: readonly string[],
  fields: readonly string[],
  text: string,
): PastePlan {
  const refs = refsOrThrow(fields)
  const rows = parseTsv(text)
  const single = rows.length === 1 && rows[0]?.length === 1
  const grid = single ? rowIds.map(() => rows[0] as string[]) : rows
  const plan = emptyPlan()
  const width = Math.max(0, ...grid.map((cells) => cells.length))
  grid.slice(0, rowIds.length).forEach((cells, r) => {
    const rowId = rowIds[r] as string
    // Text is parsed for each cell's plugin inside addWrite (numbers, lists, dates…).
    cells
      .slice(0, refs.length)
      .forEach((cell, c) => addWrite(plan, ctx, rowId, fields[c] as string, refs[c] as FieldRef, cell))
  })
  return {
    ...plan,
    rowsLeftOver: Math.max(0, grid.length - rowIds.length),
    columnsLeftOver: Math.max(0, width - refs.length),
  }
}
