/**
 * Find and replace over the cells of some rows and columns: plain text or a regular expression
 * (with $1… in the replacement), case-sensitive or not. Text cells and the items of list cells
 * are searched; numbers, booleans and dates are not text to rewrite. The same call previews (how
 * many matches in how many cells and rows, and a few before/after samples) and plans the writes,
 * so the count the editor confirms is the count that is applied. Pure.
 */
import { formatCellValue } from '../../../src-shared/editing/cell-text'
import { readField, type FieldRef } from '../../../src-shared/editing/field-path'
import { expandReplacement, LinearPattern, PatternError } from './linear-pattern'
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

/** Counts and rewrites one text; both walk the same matches, so the preview's count is what is applied. */
export interface Finder {
  count(text: string): number
  replace(text: string, replacement: string): string
}

/**
 * Plain text runs on the built-in engine as an escaped literal, which cannot backtrack; a regular
 * expression runs on RE2 (linear-pattern.ts), so no pattern can hold main.
 */
export function compileFind(options: FindOptions): Finder {
  if (options.find === '') throw new PlanError('Type the text to find.')
  if (!options.regex) {
    const re = new RegExp(escapeRegex(options.find), options.matchCase ? 'g' : 'gi')
    return {
      count: (text) => text.match(re)?.length ?? 0,
      // In plain mode "$" in the replacement is text, not a group reference.
      replace: (text, replacement) => text.replace(re, () => replacement),
    }
  }
  let pattern: LinearPattern
  try {
    pattern = new LinearPattern(options.find, !options.matchCase)
  } catch (err) {
    throw err instanceof PatternError ? new PlanError(err.message) : err
  }
  // A pattern that matches nothing at all (like "x*") would insert the replacement between every character.
  if (pattern.matchesEmpty()) {
    throw new PlanError('The pattern also matches empty text: make it match at least one character.')
  }
  const all = (text: string) => {
    try {
      return pattern.matchAll(text)
    } catch (err) {
      throw err instanceof PatternError ? new PlanError(err.message) : err
    }
  }
  return {
    count: (text) => all(text).length,
    replace: (text, replacement) => {
      let out = ''
      let at = 0
      for (const match of all(text)) {
        out += text.slice(at, match.start) + expandReplacement(replacement, match, text)
        at = match.end
      }
      return out + text.slice(at)
    },
  }
}

export function planFindReplace(
  ctx: PlanContext,
  rowIds: readonly string[],
  fields: readonly string[],
  options: FindOptions,
): Plan & FindReport {
  const finder = compileFind(options)
  const replacement = options.replace
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
      const found = texts.reduce((n, text) => n + finder.count(text), 0)
      if (found === 0) return
      report.matches += found
      report.cells++
      rowMatched = true
      const after = Array.isArray(value)
        ? value
            .map((item) => (typeof item === 'string' ? finder.replace(item, replacement) : item))
            .filter((item) => item !== '')
        : finder.replace(value as string, replacement)
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
