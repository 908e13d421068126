import { describe, expect, it } from 'vitest'
import { describeField, withField } from './template-text'

const label = (field: string) => ({ 'metadata.credit': 'Credit', 'metadata.title': 'Title' })[field] ?? field

describe('describeField', () => {
  it.each([
    [{ field: 'metadata.credit', mode: 'fill-empty', value: 'AFP' }, 'Credit = AFP (where empty)'],
    [{ field: 'metadata.credit', mode: 'replace', value: 'AFP' }, 'Credit = AFP'],
    [{ field: 'metadata.title', mode: 'append', value: '(AFP)' }, 'Title + (AFP)'],
    [{ field: 'metadata.title', mode: 'clear', value: null }, 'Title: clear'],
    [{ field: 'metadata.keywords', mode: 'append', value: ['sea', 'dawn'] }, 'metadata.keywords + sea; dawn'],
    [{ field: 'metadata.title', mode: 'replace', value: 'x'.repeat(50) }, `Title = ${'x'.repeat(39)}…`],
  ] as const)('%j reads %s', (field, text) => {
    expect(describeField({ ...field, value: field.value as never }, label)).toBe(text)
  })
})

describe('withField', () => {
  it('adds the column to the template, replacing that column only', () => {
    const pad = {
      name: 'AFP',
      fields: [
        { field: 'metadata.credit', mode: 'fill-empty' as const, value: 'AFP' },
        { field: 'metadata.title', mode: 'append' as const, value: '(AFP)' },
      ],
    }
    expect(withField(pad, { field: 'metadata.credit', mode: 'replace', value: 'AFP / Desk' })).toEqual([
      { field: 'metadata.title', mode: 'append', value: '(AFP)' },
      { field: 'metadata.credit', mode: 'replace', value: 'AFP / Desk' },
    ])
    expect(withField(undefined, { field: 'metadata.title', mode: 'replace', value: 'T' })).toHaveLength(1)
  })
})
