/**
 * Checks one metadata value against its plugin's stored format and the config that can reject
 * it (docs/reference/livingdocs-api.md §5). Returns the problems in words an editor can act
 * on; an empty list means the value is fine. Plugins without a checkable format pass.
 */
import type { PropertyModel } from '../model/livingdocs'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const HEX_COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
/** JSON Schema counts characters as code points, not UTF-16 units. */
const lengthOf = (s: string): number => [...s].length
const list = (values: readonly (string | number)[]): string => values.map((v) => JSON.stringify(v)).join(', ')

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().startsWith(value)
}

const isDateTime = (value: unknown): boolean =>
  typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value))

function checkText(p: PropertyModel, value: unknown): string[] {
  if (typeof value !== 'string') return ['must be text']
  const problems: string[] = []
  const length = lengthOf(value)
  if (p.minLength !== undefined && length < p.minLength)
    problems.push(`must be at least ${p.minLength} characters (has ${length})`)
  if (p.maxLength !== undefined && length > p.maxLength)
    problems.push(`must be at most ${p.maxLength} characters (has ${length})`)
  if (p.allowNewlines === false && /[\r\n]/.test(value)) problems.push('must be a single line (no line breaks)')
  return problems
}

function checkInteger(p: PropertyModel, value: unknown): string[] {
  if (typeof value !== 'number' || !Number.isInteger(value)) return ['must be a whole number']
  const problems: string[] = []
  if (p.minValue !== undefined && value < p.minValue) problems.push(`must be at least ${p.minValue}`)
  if (p.maxValue !== undefined && value > p.maxValue) problems.push(`must be at most ${p.maxValue}`)
  return problems
}

function checkAllowed(p: PropertyModel, value: string | number): string[] {
  const allowed = p.allowedValues
  if (!allowed || allowed.length === 0 || allowed.includes(value)) return []
  return [`${JSON.stringify(value)} is not one of the allowed values (${list(allowed)})`]
}

export interface ValueContext {
  /** The project's locales, for `li-metadata-translations` values. */
  locales: readonly string[]
}

export function checkPropertyValue(p: PropertyModel, value: unknown, ctx: ValueContext = { locales: [] }): string[] {
  switch (p.plugin) {
    case 'li-text':
      return checkText(p, value)
    case 'li-external-id':
    case 'li-media-handle':
      return typeof value === 'string' ? [] : ['must be text']
    case 'li-enum':
      return typeof value === 'string' ? checkAllowed(p, value) : ['must be one of the listed values (text)']
    case 'li-string-list':
      // The data provider only feeds the editor's picker; the docs name no server check on its items.
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [] : ['must be a list of texts']
    case 'li-boolean':
    case 'li-invalid':
    case 'li-system-boolean':
      return typeof value === 'boolean' ? [] : ['must be true or false']
    case 'li-integer':
    case 'li-system-integer':
      return checkInteger(p, value)
    case 'li-numeric-list': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
        return ['must be a list of whole numbers']
      }
      return p.maxItems !== undefined && value.length > p.maxItems ? [`must have at most ${p.maxItems} numbers`] : []
    }
    case 'li-date':
      return typeof value === 'string' && isRealDate(value) ? [] : ['must be a date like 2026-05-31']
    case 'li-datetime':
    case 'li-system-datetime':
      return isDateTime(value) ? [] : ['must be a date and time like 2026-05-31T14:30:00Z']
    case 'li-datetime-validity': {
      if (!isObj(value)) return ['must be an object {from, to} with dates and times']
      const problems: string[] = []
      for (const key of ['from', 'to'] as const) {
        if (value[key] !== undefined && value[key] !== null && !isDateTime(value[key])) {
          problems.push(`${key} must be a date and time like 2026-05-31T14:30:00Z`)
        }
      }
      if (problems.length === 0 && typeof value.from === 'string' && typeof value.to === 'string') {
        if (Date.parse(value.from) > Date.parse(value.to)) problems.push('from must not be after to')
      }
      return problems
    }
    case 'li-color':
      return typeof value === 'string' && HEX_COLOR.test(value) ? [] : ['must be a hex colour like #8CBA51']
    case 'li-metadata-translations': {
      if (!isObj(value) || typeof value.locale !== 'string' || typeof value.label !== 'string') {
        return ['must be {locale, label}']
      }
      return ctx.locales.includes(value.locale) ? [] : [`locale must be one of ${ctx.locales.join(', ')}`]
    }
    case 'li-license-profile':
      return isObj(value) && typeof value.handle === 'string' ? [] : ['must be a license profile {handle}']
    default:
      return []
  }
}
