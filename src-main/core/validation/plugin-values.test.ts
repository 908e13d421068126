import { describe, expect, it } from 'vitest'
import type { PropertyModel } from '../model/livingdocs'
import { checkPropertyValue } from './plugin-values'

const prop = (plugin: string, over: Partial<PropertyModel> = {}): PropertyModel => ({
  handle: 'p',
  plugin,
  label: 'P',
  required: false,
  translatable: false,
  ...over,
})
const ok = (p: PropertyModel, v: unknown) => expect(checkPropertyValue(p, v)).toEqual([])
const bad = (p: PropertyModel, v: unknown, pattern: RegExp) =>
  expect(checkPropertyValue(p, v).join(' | ')).toMatch(pattern)

describe('checkPropertyValue', () => {
  it('li-text: type, length in code points, newlines only when forbidden', () => {
    const p = prop('li-text', { minLength: 2, maxLength: 4, allowNewlines: false })
    ok(p, 'abc')
    ok(p, '😀😀😀😀')
    bad(p, 5, /must be text/)
    bad(p, 'a', /at least 2 characters \(has 1\)/)
    bad(p, 'abcde', /at most 4 characters \(has 5\)/)
    bad(p, 'a\nb', /single line/)
    ok(prop('li-text'), 'line\nbreaks allowed when the config says nothing')
  })

  it('li-enum: a value from the data provider; li-string-list: any texts', () => {
    const e = prop('li-enum', { allowedValues: ['a', 'b'] })
    ok(e, 'a')
    bad(e, 'c', /"c" is not one of the allowed values \("a", "b"\)/)
    bad(e, 1, /text/)
    const l = prop('li-string-list', { allowedValues: ['x', 'y'] })
    ok(l, ['x', 'z'])
    bad(l, 'x', /list of texts/)
    bad(l, ['x', 1], /list of texts/)
  })

  it('li-boolean: true or false only', () => {
    ok(prop('li-boolean'), false)
    bad(prop('li-boolean'), 'true', /true or false/)
  })

  it('li-integer: whole numbers within minValue/maxValue', () => {
    const p = prop('li-integer', { minValue: 1, maxValue: 5 })
    ok(p, 3)
    bad(p, 2.5, /whole number/)
    bad(p, '3', /whole number/)
    bad(p, 0, /at least 1/)
    bad(p, 6, /at most 5/)
  })

  it('li-numeric-list: whole numbers, at most maxItems', () => {
    const p = prop('li-numeric-list', { maxItems: 2 })
    ok(p, [1, 2])
    bad(p, [1, 2, 3], /at most 2 numbers/)
    bad(p, [1, 'x'], /list of whole numbers/)
  })

  it('li-date: a real calendar date without time', () => {
    ok(prop('li-date'), '2026-02-28')
    bad(prop('li-date'), '2026-02-30', /date like/)
    bad(prop('li-date'), '2026-02-28T10:00:00Z', /date like/)
  })

  it('li-datetime: ISO 8601 with a zone', () => {
    ok(prop('li-datetime'), '2026-05-31T14:30:00Z')
    ok(prop('li-datetime'), '2026-05-31T14:30:00.123+02:00')
    bad(prop('li-datetime'), '31.05.2026 14:30', /date and time/)
  })

  it('li-datetime-validity: from and to as date-times, in order', () => {
    const p = prop('li-datetime-validity')
    ok(p, { from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' })
    ok(p, { from: '2026-01-01T00:00:00Z' })
    bad(p, { from: 'soon' }, /from must be/)
    bad(p, { from: '2026-12-31T00:00:00Z', to: '2026-01-01T00:00:00Z' }, /from must not be after to/)
    bad(p, '2026', /object/)
  })

  it('li-color: hex colour', () => {
    ok(prop('li-color'), '#8CBA51')
    ok(prop('li-color'), '#fff')
    bad(prop('li-color'), 'green', /hex colour/)
  })

  it('li-license-profile: an object with a handle', () => {
    ok(prop('li-license-profile'), { handle: 'editorial' })
    bad(prop('li-license-profile'), 'editorial', /license profile/)
  })

  it('li-metadata-translations: {locale, label} with a project locale', () => {
    const p = prop('li-metadata-translations')
    expect(checkPropertyValue(p, { locale: 'fr', label: 'Français' }, { locales: ['en', 'fr'] })).toEqual([])
    expect(checkPropertyValue(p, { locale: 'es', label: 'Español' }, { locales: ['en', 'fr'] })).toEqual([
      'locale must be one of en, fr',
    ])
    bad(p, 'fr', /\{locale, label\}/)
  })

  it('plugins without a checkable format pass', () => {
    ok(prop('li-named-crops'), { crops: [] })
  })
})
