import { describe, expect, it } from 'vitest'
import { coerceCellValue, formatCellValue, parseCellText, splitList } from './cell-text'

const p = (plugin: string, allowedValues?: string[]) => ({ plugin, ...(allowedValues ? { allowedValues } : {}) })

describe('parseCellText', () => {
  it('empty text clears the cell', () => {
    expect(parseCellText(p('li-text'), '')).toBeUndefined()
    expect(parseCellText(p('li-integer'), '  ')).toBeUndefined()
  })

  it('keeps text as typed, minus the \\r a Windows spreadsheet adds', () => {
    expect(parseCellText(p('li-text'), ' Harbour at dawn \r')).toBe(' Harbour at dawn ')
    expect(parseCellText(undefined, ' ext-1 ')).toBe('ext-1')
  })

  it('reads whole numbers, and keeps anything else as text for validation to flag', () => {
    expect(parseCellText(p('li-integer'), ' 4 ')).toBe(4)
    expect(parseCellText(p('li-integer'), '-2')).toBe(-2)
    expect(parseCellText(p('li-integer'), '4.5')).toBe('4.5')
    expect(parseCellText(p('li-integer'), 'four')).toBe('four')
  })

  it('reads yes/no words in several languages as booleans', () => {
    for (const yes of ['TRUE', 'yes', 'x', '1', 'Ja', 'oui']) expect(parseCellText(p('li-boolean'), yes)).toBe(true)
    for (const no of ['false', 'No', '0', 'nein', 'non']) expect(parseCellText(p('li-boolean'), no)).toBe(false)
    expect(parseCellText(p('li-boolean'), 'maybe')).toBe('maybe')
  })

  it('splits lists on ; when there is one, else on commas', () => {
    expect(parseCellText(p('li-string-list'), 'sea, harbour ,dawn')).toEqual(['sea', 'harbour', 'dawn'])
    expect(parseCellText(p('li-string-list'), 'Smith, John; Doe, Jane')).toEqual(['Smith, John', 'Doe, Jane'])
    expect(splitList(' ; ')).toEqual([])
    expect(parseCellText(p('li-numeric-list'), '1, 2')).toEqual([1, 2])
    expect(parseCellText(p('li-numeric-list'), '1, b')).toBe('1, b')
  })

  it('matches enum values regardless of case', () => {
    expect(parseCellText(p('li-enum', ['cc-by-4.0', 'cc0']), 'CC0')).toBe('cc0')
    expect(parseCellText(p('li-enum', ['cc0']), 'public')).toBe('public')
  })

  it('reads dates as ISO, also day-first with dots and year-first with slashes', () => {
    expect(parseCellText(p('li-date'), '2026-05-31')).toBe('2026-05-31')
    expect(parseCellText(p('li-date'), '31.5.2026')).toBe('2026-05-31')
    expect(parseCellText(p('li-date'), '2026/5/31')).toBe('2026-05-31')
    expect(parseCellText(p('li-date'), '5/31/2026')).toBe('5/31/2026')
  })
})

describe('coerceCellValue and formatCellValue', () => {
  it('parses text from editor controls and keeps typed values', () => {
    expect(coerceCellValue(p('li-integer'), '3')).toBe(3)
    expect(coerceCellValue(p('li-boolean'), false)).toBe(false)
    expect(coerceCellValue(p('li-string-list'), [])).toBeUndefined()
    expect(coerceCellValue(p('li-text'), null)).toBeUndefined()
  })

  it('formats values as the text a spreadsheet round-trips', () => {
    expect(formatCellValue(['a', 'b'])).toBe('a; b')
    expect(formatCellValue(true)).toBe('true')
    expect(formatCellValue(undefined)).toBe('')
    expect(formatCellValue({ handle: 'x' })).toBe('{"handle":"x"}')
    expect(parseCellText(p('li-string-list'), formatCellValue(['Smith, John', 'x']))).toEqual(['Smith, John', 'x'])
  })
})
