/**
 * Between what an editor types or pastes (text, from the grid, Excel or Google Sheets) and what a
 * metadata property holds (its plugin decides: numbers, booleans, lists, dates). Text a plugin
 * cannot read stays text, so validation marks the cell and says what is wrong: nothing typed is
 * ever dropped. Pure and free of Node imports: the renderer formats cells with it too.
 */
import type { PropertyModel } from '../../src-main/core/model/livingdocs'

export type CellProperty = Pick<PropertyModel, 'plugin' | 'allowedValues'>

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', 'ja', 'oui', 'wahr', 'vrai'])
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nein', 'non', 'falsch', 'faux', '-'])
const INTEGER = /^[+-]?\d{1,15}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/
/** Day first with dots, as German, Swiss and French spreadsheets show dates. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/

const pad = (n: string): string => n.padStart(2, '0')

function parseDate(text: string): string {
  if (ISO_DATE.test(text)) return text
  const slashed = SLASHED_ISO.exec(text)
  if (slashed) return `${slashed[1]}-${pad(slashed[2] ?? '')}-${pad(slashed[3] ?? '')}`
  const dotted = DOTTED.exec(text)
  if (dotted) return `${dotted[3]}-${pad(dotted[2] ?? '')}-${pad(dotted[1] ?? '')}`
  return text
}

/** List cells: `;` separates when present (keywords may hold commas), else `,`; also line breaks. */
export function splitList(text: string): string[] {
  const separator = text.includes(';') ? /[;\n]/ : /[,\n]/
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function parseEnum(property: CellProperty, text: string): string {
  const allowed = property.allowedValues ?? []
  const exact = allowed.find((v) => String(v) === text)
  if (exact !== undefined) return String(exact)
  const folded = allowed.find((v) => String(v).toLowerCase() === text.toLowerCase())
  return folded !== undefined ? String(folded) : text
}

/** The value a cell gets from text; `undefined` (empty text) clears the cell. */
export function parseCellText(property: CellProperty | undefined, raw: string): unknown {
  // Spreadsheets end a copied cell with \r on Windows; it is never part of the value.
  const text = raw.replace(/\r$/, '')
  if (text.trim() === '') return undefined
  if (!property) return text.trim()
  const trimmed = text.trim()
  switch (property.plugin) {
    case 'li-integer':
    case 'li-system-integer':
      return INTEGER.test(trimmed) ? Number(trimmed) : text
    case 'li-boolean':
    case 'li-system-boolean':
    case 'li-invalid': {
      const word = trimmed.toLowerCase()
      if (TRUE_WORDS.has(word)) return true
      if (FALSE_WORDS.has(word)) return false
      return text
    }
    case 'li-string-list':
      return splitList(text)
    case 'li-numeric-list': {
      const items = splitList(text)
      return items.every((item) => INTEGER.test(item)) ? items.map(Number) : text
    }
    case 'li-enum':
      return parseEnum(property, trimmed)
    case 'li-date':
      return parseDate(trimmed)
    case 'li-text':
      return text
    default:
      return trimmed
  }
}

/** Any value an editor control produced: text goes through the plugin, typed values stay. */
export function coerceCellValue(property: CellProperty | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return parseCellText(property, value)
  if (Array.isArray(value) && value.length === 0) return undefined
  return value
}

/** A cell's value as text: what the grid shows, what copy puts on the clipboard, what find searches. */
export function formatCellValue(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map((item) => formatCellValue(item)).join('; ')
  return JSON.stringify(value)
}
