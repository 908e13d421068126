import { describe, expect, it } from 'vitest'
import type { RowEntry } from '../../src-main/core/model/row'
import { fieldPath, issueCoversField, parseField, readField, writeField } from './field-path'

const entry: RowEntry = {
  id: 'e1',
  mediaType: 'image',
  systemName: 'dam',
  metadata: { title: 'Harbour', keywords: ['sea'] },
  translations: { fr: { metadata: { title: 'Port' } } },
}

describe('field paths', () => {
  it('reads the paths validation pins issues to, and nothing else', () => {
    for (const path of [
      'id',
      'mediaType',
      'systemName',
      'externalId',
      'metadata.title',
      'translations.fr.metadata.title',
    ]) {
      const ref = parseField(path)
      expect(ref).toBeDefined()
      expect(fieldPath(ref!)).toBe(path)
    }
    for (const bad of [
      '',
      'metadata',
      'metadata.',
      'metadata.a.b',
      'translations.fr.title',
      'asset',
      'rowId',
      '__proto__',
    ]) {
      expect(parseField(bad)).toBeUndefined()
    }
  })

  it('reads values where they live', () => {
    expect(readField(entry, parseField('metadata.title')!)).toBe('Harbour')
    expect(readField(entry, parseField('translations.fr.metadata.title')!)).toBe('Port')
    expect(readField(entry, parseField('translations.de.metadata.title')!)).toBeUndefined()
    expect(readField(entry, parseField('systemName')!)).toBe('dam')
  })

  it('writes a new entry, leaving the given one as it was', () => {
    const next = writeField(entry, parseField('translations.de.metadata.title')!, 'Hafen')
    expect(next.translations.de).toEqual({ metadata: { title: 'Hafen' } })
    expect(entry.translations.de).toBeUndefined()
    expect(next.metadata).toBe(entry.metadata)
  })

  it('clears with undefined, dropping a translation left empty and an empty systemName', () => {
    const noFr = writeField(entry, parseField('translations.fr.metadata.title')!, undefined)
    expect(noFr.translations).toEqual({})
    const noSystem = writeField(entry, parseField('systemName')!, '')
    expect('systemName' in noSystem).toBe(false)
    expect(writeField(entry, parseField('metadata.title')!, undefined).metadata).toEqual({ keywords: ['sea'] })
  })

  it('tells which cells an issue covers', () => {
    expect(issueCoversField('translations.fr', 'translations.fr.metadata.title')).toBe(true)
    expect(issueCoversField('metadata.title', 'metadata.title')).toBe(true)
    expect(issueCoversField('metadata.title', 'metadata.titles')).toBe(false)
  })
})
