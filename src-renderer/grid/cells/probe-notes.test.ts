import { describe, expect, it } from 'vitest'
import type { Row } from '../../../src-main/contract'
import {
  formatDuration,
  hasRowNotes,
  isFallbackValue,
  isShortenedValue,
  prefillNote,
  rowNotes,
  shortenedNote,
} from './probe-notes'

const base = { rowId: 'r1', path: '/d/a.png', relativePath: 'd/a.png', size: 1, mtimeMs: 0, status: 'probed' } as Row

describe('rowNotes', () => {
  it('has nothing to say about a clean row', () => {
    expect(hasRowNotes(base)).toBe(false)
    expect(rowNotes(base, undefined)).toEqual([])
  })

  it('names the error, every warning and the twin by path', () => {
    const row = {
      ...base,
      probeError: { code: 'truncated', message: 'The JPEG ends early.', canImportAsFile: true },
      warnings: [
        { code: 'extension-mismatch', message: 'Named .png but the content is JPEG.' },
        { code: 'x', message: 'Second.' },
      ],
      duplicateOf: 'r0',
    } as Row
    expect(hasRowNotes(row)).toBe(true)
    expect(rowNotes(row, 'd/original.jpg')).toEqual([
      { kind: 'error', label: 'Error', text: 'Cannot be imported as it is: The JPEG ends early.' },
      {
        kind: 'warning',
        label: '2 warnings',
        text: 'Warning: Named .png but the content is JPEG.\nWarning: Second.',
      },
      { kind: 'duplicate', label: 'Duplicate', text: 'Duplicate: byte-identical to d/original.jpg' },
    ])
  })
})

describe('isFallbackValue', () => {
  const row = { ...base, prefill: { metadata: { title: 'a' }, sources: {}, fallback: ['title'] } } as unknown as Row
  it('marks the value while it is still the fallback', () => {
    expect(isFallbackValue(row, 'title', 'a')).toBe(true)
  })
  it('drops the mark once the editor changed it, and on other properties', () => {
    expect(isFallbackValue(row, 'title', 'Sunset over the lake')).toBe(false)
    expect(isFallbackValue(row, 'caption', 'a')).toBe(false)
    expect(isFallbackValue(base, 'title', 'a')).toBe(false)
  })
})

describe('prefillNote', () => {
  const row = {
    ...base,
    prefill: {
      metadata: { title: 'Harbour at…', caption: 'Boats', keywords: ['a', 'b'] },
      sources: {
        title: { from: 'embedded', field: 'Headline', origin: 'XMP photoshop:Headline', shortenedFrom: 250 },
        caption: { from: 'embedded', field: 'Description' },
        keywords: { from: 'embedded', field: 'Keywords', origin: 'IPTC Keywords' },
      },
      fallback: [],
    },
  } as unknown as Row
  it('says where a prefilled value came from, and that it was shortened', () => {
    expect(prefillNote(row, 'metadata.title', 'Harbour at…')).toBe(
      'From XMP photoshop:Headline (mapping "Headline"), shortened from 250 characters to fit.',
    )
    expect(isShortenedValue(row, 'metadata.title', 'Harbour at…')).toBe(true)
    expect(prefillNote(row, 'metadata.caption', 'Boats')).toBe('From the file\'s "Description".')
    expect(prefillNote(row, 'metadata.keywords', ['a', 'b'])).toBe('From IPTC Keywords (mapping "Keywords").')
  })
  it('says nothing once the editor changed the value, or for translations', () => {
    expect(prefillNote(row, 'metadata.title', 'My title')).toBeUndefined()
    expect(isShortenedValue(row, 'metadata.title', 'My title')).toBe(false)
    expect(prefillNote(row, 'translations.fr.metadata.title', 'Harbour at…')).toBeUndefined()
    expect(prefillNote(base, 'metadata.title', 'x')).toBeUndefined()
  })
  it('marks a value "Shorten" cut while the cell holds it, translations too', () => {
    const cut = { ...base, shortened: { 'translations.fr.metadata.title': { value: 'Le port…', from: 240 } } } as Row
    expect(isShortenedValue(cut, 'translations.fr.metadata.title', 'Le port…')).toBe(true)
    expect(shortenedNote(cut, 'translations.fr.metadata.title', 'Le port…')).toBe(
      'Shortened from 240 characters to fit.',
    )
    expect(isShortenedValue(cut, 'translations.fr.metadata.title', 'Le port de Hambourg')).toBe(false)
  })
})

describe('formatDuration', () => {
  it('reads like a player', () => {
    expect(formatDuration(2.4)).toBe('0:02')
    expect(formatDuration(0.4)).toBe('0:01')
    expect(formatDuration(62)).toBe('1:02')
    expect(formatDuration(3723.9)).toBe('1:02:03')
    expect(formatDuration(undefined)).toBe('')
    expect(formatDuration(Number.NaN)).toBe('')
  })
})
