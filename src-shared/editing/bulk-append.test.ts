import { describe, expect, it } from 'vitest'
import { appendSeparator, appended, defaultBulkMode } from './bulk-append'

describe('appended', () => {
  it.each([
    // [what the cell holds, what is appended, the property handle, what it holds after]
    ['Harbour at dawn', '(AFP)', 'title', 'Harbour at dawn (AFP)'],
    ['Harbour at dawn ', 'Photo: Ann', 'caption', 'Harbour at dawn Photo: Ann'],
    ['Reuters', 'AFP', 'credit', 'Reuters, AFP'],
    ['Reuters, ', 'AFP', 'credit', 'Reuters, AFP'],
    ['Reuters, AFP', 'afp', 'credit', 'Reuters, AFP'],
    ['Reuters / AFP', 'AFP', 'credit', 'Reuters / AFP'],
    ['© 2024 Ann Example', 'Agency X', 'copyright', '© 2024 Ann Example, Agency X'],
    [undefined, 'AFP', 'credit', 'AFP'],
    ['', 'text', 'caption', 'text'],
    ['Kept', '', 'caption', 'Kept'],
    [['sea'], ['sea', 'dawn', 'dawn'], 'keywords', ['sea', 'dawn']],
    [['sea', 'dawn'], 'sea', 'keywords', ['sea', 'dawn']],
    [undefined, ['sea'], 'keywords', ['sea']],
  ])('%j + %j on %s gives %j', (current, addition, handle, after) => {
    expect(appended(current, addition, handle)).toEqual({ value: after })
  })

  it('refuses numbers and booleans, naming the mode to use instead', () => {
    expect(appended(3, 4, 'rating')).toEqual({ refuse: expect.stringMatching(/use Replace/) })
    expect(appended(true, false, 'approved')).toEqual({ refuse: expect.stringMatching(/use Replace/) })
  })
})

describe('appendSeparator', () => {
  it.each([
    ['credit', ', '],
    ['copyrightNotice', ', '],
    ['byline', ', '],
    ['source', ', '],
    ['title', ' '],
    ['caption', ' '],
    [undefined, ' '],
  ])('%s joins with %j', (handle, separator) => {
    expect(appendSeparator(handle)).toBe(separator)
  })
})

describe('defaultBulkMode', () => {
  const embedded = { prefill: { sources: { credit: { from: 'embedded' } } } } as never
  const typed = { prefill: { sources: { credit: { from: 'filename' } } } } as never
  it('is "only where empty" when any row holds a value its file brought, else replace', () => {
    expect(defaultBulkMode('metadata.credit', [typed, embedded])).toBe('fill-empty')
    expect(defaultBulkMode('metadata.credit', [typed, undefined])).toBe('replace')
    expect(defaultBulkMode('metadata.title', [embedded])).toBe('replace')
    expect(defaultBulkMode('externalId', [embedded])).toBe('replace')
  })
})
