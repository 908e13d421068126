/**
 * Value checks per metadata plugin, after each plugin's storage schema and config
 * (docs/reference/livingdocs-api.md §5). Messages follow the server's wording, "The value of '/title'
 * must be string" (ajv messages behind a JSON pointer). Plugins we know nothing about accept any
 * value: rejecting them would fail projects the real server accepts.
 */
import type { MetadataPropertyConfig } from './types'

export interface PluginContext {
  /** settings.languages.available[].locale */
  locales: readonly string[]
}

type Check = (value: unknown, pointer: string, prop: MetadataPropertyConfig, ctx: PluginContext) => string[]

const at = (pointer: string, message: string): string => `The value of '${pointer}' ${message}`
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isString = (v: unknown): v is string => typeof v === 'string'
const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)
// ajv counts characters as code points, not UTF-16 units.
const length = (s: string): number => [...s].length

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))
}

const text: Check = (value, pointer, prop) => {
  if (!isString(value)) return [at(pointer, 'must be string')]
  const c = prop.config ?? {}
  const problems: string[] = []
  if (c.maxLength !== undefined && length(value) > c.maxLength) {
    problems.push(at(pointer, `must NOT have more than ${c.maxLength} characters`))
  }
  if (c.minLength !== undefined && length(value) < c.minLength) {
    problems.push(at(pointer, `must NOT have fewer than ${c.minLength} characters`))
  }
  if (c.allowNewlines === false && /[\r\n]/.test(value)) problems.push(at(pointer, 'must not contain line breaks'))
  return problems
}

const integer: Check = (value, pointer, prop) => {
  if (!isInteger(value)) return [at(pointer, 'must be integer')]
  const c = prop.config ?? {}
  if (c.minValue !== undefined && value < c.minValue) return [at(pointer, `must be >= ${c.minValue}`)]
  if (c.maxValue !== undefined && value > c.maxValue) return [at(pointer, `must be <= ${c.maxValue}`)]
  return []
}

const listOf =
  (item: (v: unknown) => boolean, itemType: string): Check =>
  (value, pointer, prop) => {
    if (!Array.isArray(value)) return [at(pointer, 'must be array')]
    const problems = value.flatMap((v, i) => (item(v) ? [] : [at(`${pointer}/${i}`, `must be ${itemType}`)]))
    const maxItems = prop.config?.maxItems
    if (maxItems !== undefined && value.length > maxItems) {
      problems.push(at(pointer, `must NOT have more than ${maxItems} items`))
    }
    return problems
  }

const enumValue: Check = (value, pointer, prop) => {
  if (!isString(value)) return [at(pointer, 'must be string')]
  const allowed = prop.config?.dataProvider?.items?.map((item) => item.value)
  if (allowed && !allowed.includes(value)) {
    return [at(pointer, `must be equal to one of the allowed values (${allowed.join(', ')})`)]
  }
  return []
}

const simple =
  (test: (v: unknown) => boolean, expected: string): Check =>
  (value, pointer) =>
    test(value) ? [] : [at(pointer, expected)]

const dateTime = simple((v) => isString(v) && isDateTime(v), 'must match format "date-time"')

const metadataTranslation: Check = (value, pointer, _prop, ctx) => {
  if (!isObject(value) || !isString(value.locale) || !isString(value.label)) {
    return [at(pointer, 'must be object with string properties locale and label')]
  }
  if (!ctx.locales.includes(value.locale)) {
    return [at(`${pointer}/locale`, `must be one of the project's languages (${ctx.locales.join(', ')})`)]
  }
  return []
}

const validity: Check = (value, pointer) => {
  if (!isObject(value)) return [at(pointer, 'must be object')]
  return (['from', 'to'] as const).flatMap((key) =>
    value[key] === undefined || (isString(value[key]) && isDateTime(value[key]))
      ? []
      : [at(`${pointer}/${key}`, 'must match format "date-time"')],
  )
}

const PLUGINS: Record<string, Check> = {
  'li-text': text,
  'li-string-list': listOf(isString, 'string'),
  'li-enum': enumValue,
  'li-boolean': simple((v) => typeof v === 'boolean', 'must be boolean'),
  'li-invalid': simple((v) => typeof v === 'boolean', 'must be boolean'),
  'li-integer': integer,
  'li-system-integer': integer,
  'li-numeric-list': listOf(isInteger, 'integer'),
  'li-date': simple((v) => isString(v) && isCalendarDate(v), 'must match format "date"'),
  'li-datetime': dateTime,
  'li-system-datetime': dateTime,
  'li-datetime-validity': validity,
  'li-color': simple(
    (v) => isString(v) && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v),
    'must match pattern "^#[0-9a-fA-F]{6}$"',
  ),
  'li-external-id': simple(isString, 'must be string'),
  'li-media-handle': simple(isString, 'must be string'),
  'li-license-profile': simple((v) => isObject(v) && isString(v.handle), 'must be object with string property handle'),
  'li-metadata-translations': metadataTranslation,
}

/** Problems with one property's value (never about `required`: absence is checked by the caller). */
export function checkPluginValue(prop: MetadataPropertyConfig, value: unknown, ctx: PluginContext): string[] {
  const check = PLUGINS[prop.type]
  return check ? check(value, `/${prop.handle}`, prop, ctx) : []
}

/** Empty for `required`: absent, an empty or blank string, an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  return Array.isArray(value) && value.length === 0
}
