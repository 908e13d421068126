/**
 * What every edit becomes before it touches a row: a list of cell writes, each already parsed
 * for its plugin and checked against the edit rules, plus the cells that refused and why. The
 * planners (plan-edits.ts, find-replace.ts) build plans; the editor applies them. Pure.
 */
import type { ProjectModel } from '../model/livingdocs'
import type { Row } from '../model/row'
import { coerceCellValue } from '../../../src-shared/editing/cell-text'
import { cellRefusal, propertyOf } from '../../../src-shared/editing/edit-rules'
import { parseField, readField, type FieldRef } from '../../../src-shared/editing/field-path'

export interface CellWrite {
  rowId: string
  field: string
  /** `undefined` clears the cell. */
  value: unknown
}

export interface RefusedCell {
  rowId: string
  field: string
  message: string
}

export interface Plan {
  writes: CellWrite[]
  refused: RefusedCell[]
}

export interface PlanContext {
  project: ProjectModel | undefined
  row(rowId: string): Row | undefined
}

export const emptyPlan = (): Plan => ({ writes: [], refused: [] })

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
  return false
}

/** Reads a field path once per planner call; a path no cell has is the caller's mistake. */
export function fieldRefs(fields: readonly string[]): FieldRef[] | { error: string } {
  const refs: FieldRef[] = []
  for (const field of fields) {
    const ref = parseField(field)
    if (!ref)
      return {
        error: `"${field}" is no editable column (use id, mediaType, systemName, externalId or metadata.<property>).`,
      }
    refs.push(ref)
  }
  return refs
}

/**
 * Adds one cell's write to the plan, or its refusal. `value` is what the editor gave (text or a
 * typed value); it is parsed for the cell's plugin here. A write that changes nothing is dropped.
 */
export function addWrite(
  plan: Plan,
  ctx: PlanContext,
  rowId: string,
  field: string,
  ref: FieldRef,
  value: unknown,
): void {
  const row = ctx.row(rowId)
  if (!row) {
    plan.refused.push({ rowId, field, message: 'This row is no longer in the session.' })
    return
  }
  const parsed = coerceCellValue(propertyOf(ctx.project, row, ref), value)
  const refused = cellRefusal(ctx.project, row, ref, parsed)
  if (refused) {
    plan.refused.push({ rowId, field, message: refused })
    return
  }
  if (sameValue(readField(row.entry, ref), parsed)) return
  plan.writes.push({ rowId, field, value: parsed })
}

/** Rows given twice would be edited twice (and undone once): each row counts once, in first order. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}
