import { describe, expect, it } from 'vitest'
import { checkPluginValue, isCalendarDate, isDateTime, isEmptyValue } from './metadata-plugins'
import type { MetadataPropertyConfig } from './types'

const ctx = { locales: ['en', 'de'] }
const prop = (type: string, config: MetadataPropertyConfig['config'] = {}): MetadataPropertyConfig => ({
  handle: 'p',
  type,
  config,
})

describe('metadata plugins', () => {
  it('knows real calendar dates and ISO date-times', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2023-02-29')).toBe(false)
    expect(isDateTime('2026-11-26T10:00:00Z')).toBe(true)
    expect(isDateTime('2026-11-26T10:00:00.123+01:00')).toBe(true)
    expect(isDateTime('2026-11-26 10:00')).toBe(false)
    expect(isDateTime('2026-11-26')).toBe(false)
  })

  it('applies minLength', () => {
    expect(checkPluginValue(prop('li-text', { minLength: 3 }), 'ab', ctx)).toEqual([
      "The value of '/p' must NOT have fewer than 3 characters",
    ])
  })

  it('checks li-numeric-list items and maxItems', () => {
    expect(checkPluginValue(prop('li-numeric-list', { maxItems: 2 }), [1, 2.5, 3], ctx)).toEqual([
      "The value of '/p/1' must be integer",
      "The value of '/p' must NOT have more than 2 items",
    ])
  })

  it('checks li-datetime, li-color and li-datetime-validity', () => {
    expect(checkPluginValue(prop('li-datetime'), '2026-11-26', ctx)).toEqual([
      'The value of \'/p\' must match format "date-time"',
    ])
    expect(checkPluginValue(prop('li-color'), '#8CBA51', ctx)).toEqual([])
    expect(checkPluginValue(prop('li-color'), 'green', ctx)).toHaveLength(1)
    expect(checkPluginValue(prop('li-datetime-validity'), { from: '2026-01-01T00:00:00Z', to: 'soon' }, ctx)).toEqual([
      'The value of \'/p/to\' must match format "date-time"',
    ])
  })

  it('accepts anything for a plugin it does not know', () => {
    expect(checkPluginValue(prop('li-something-new'), { any: 'thing' }, ctx)).toEqual([])
  })

  it('treats absent, blank and empty-list values as empty for required', () => {
    expect([undefined, '', ' ', []].every(isEmptyValue)).toBe(true)
    expect([0, false, 'x', [''], null].some(isEmptyValue)).toBe(false)
  })
})
