/**
 * Find and replace over the cells of some rows and columns: plain text or a regular expression
 * (with $1… in the replacement), case-sensitive or not. Text cells and the items of list cells
 * are searched; numbers, booleans and dates are not text to rewrite. The same call previews (how
 * many matches in how many cells and rows, and a few before/after samples) and plans the writes,
 * so the count the editor confirms is the count that is applied. Pure.
 */
import { formatCellValue } from './cell-text'
import { readField, type FieldRef } from './field-path'
import { addWrite, emptyPlan, fieldRefs, uniqueIds, type Plan, type PlanContext } from './plan'
import { PlanError } from './plan-edits'

export interface FindOptions {
  find: string
  replace: string
  regex: boolean
  matchCase: boolean
}

export interface FindSample {
  rowId: string
  field: string
  before: string
  after: string
}

export interface FindReport {
  matches: number
  cells: number
  rows: number
  samples: FindSample[]
}

const SAMPLES = 10
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function compileFind(options: FindOptions): RegExp {
  if (options.find === '') throw new PlanError('Type the text to find.')
  let re: RegExp
  try {
    re = new RegExp(options.regex ? options.find : escapeRegex(options.find), options.matchCase ? 'g' : 'gi')
  } catch (err) {
    throw new PlanError(`Not a valid regular expression: ${err instanceof Error ? err.message : String(err)}.`)
  }
  // A pattern that matches nothing at all (like "x*") would insert the replacement between every character.
  if (new RegExp(re.source, re.flags.replace('g', '')).test('')) {
    throw new PlanError('The pattern also matches empty text: make it match at least one character.')
  }
  return re
}

function countIn(re: RegExp, text: string): number {
  re.lastIndex = 0
  let n = 0
  while (re.exec(text) !== null) n++
  re.lastIndex = 0
  return n
}

export function planFindReplace(
  ctx: PlanContext,
  rowIds: readonly string[],
  fields: readonly string[],
  options: FindOptions,
): Plan & FindReport {
  const re = compileFind(options)
  // In plain mode "$" in the replacement is text, not a group reference.
  const replacement = options.regex ? options.replace : options.replace.replaceAll('$', '$$$$')
  const refs = fieldRefs(fields)
  if ('error' in refs) throw new PlanError(refs.error)
  const plan = emptyPlan()
  const report: FindReport = { matches: 0, cells: 0, rows: 0, samples: [] }
  for (const rowId of uniqueIds(rowIds)) {
    const row = ctx.row(rowId)
    if (!row?.entry) continue
    let rowMatched = false
    refs.forEach((ref: FieldRef, i) => {
      const field = fields[i] as string
      const value = readField(row.entry, ref)
      const texts =
        typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []
      const found = texts.reduce((n, text) => n + countIn(re, text), 0)
      if (found === 0) return
      report.matches += found
      report.cells++
      rowMatched = true
      const after = Array.isArray(value)
        ? value
            .map((item) => (typeof item === 'string' ? item.replace(re, replacement) : item))
            .filter((item) => item !== '')
        : (value as string).replace(re, replacement)
      const writes = plan.writes.length
      addWrite(plan, ctx, rowId, field, ref, after)
      if (plan.writes.length > writes && report.samples.length < SAMPLES) {
        report.samples.push({ rowId, field, before: formatCellValue(value), after: formatCellValue(after) })
      }
    })
    if (rowMatched) report.rows++
  }
  return { ...plan, ...report }
}
