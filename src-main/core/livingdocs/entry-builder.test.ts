import { describe, expect, it } from 'vitest'
import { buildImportEntry, type EntryDraft } from './entry-builder'

const fullAsset = {
  key: '2026/11/26/a.mp4',
  url: 'http://127.0.0.1:9000/videos/2026/11/26/a.mp4',
  size: 1234,
  width: 640,
  height: 360,
  duration: 3.5,
  mimeType: 'video/mp4',
  filename: 'a.mp4',
}

const draft = (over: Partial<EntryDraft['entry']> = {}, rest: Omit<EntryDraft, 'entry'> = {}): EntryDraft => ({
  entry: { id: 'row-1', mediaType: 'video', metadata: {}, translations: {}, ...over },
  asset: fullAsset,
  ...rest,
})

describe('buildImportEntry', () => {
  it('sends exactly the documented asset fields per kind', () => {
    expect(Object.keys(buildImportEntry(draft(), 'video').asset)).toEqual([
      'key',
      'url',
      'size',
      'width',
      'height',
      'duration',
      'mimeType',
      'filename',
    ])
    expect(Object.keys(buildImportEntry(draft(), 'image').asset)).toEqual([
      'key',
      'url',
      'size',
      'width',
      'height',
      'mimeType',
      'filename',
    ])
    expect(Object.keys(buildImportEntry(draft(), 'file').asset)).toEqual(['key', 'url', 'size', 'mimeType', 'filename'])
  })

  it('drops asset facts that are not part of the schema', () => {
    const extra = { ...fullAsset, orientation: 6, etag: 'x' } as EntryDraft['asset']
    expect(buildImportEntry({ ...draft(), asset: extra }, 'file').asset).not.toHaveProperty('orientation')
  })

  it('leaves empty metadata out and keeps false and 0', () => {
    const entry = buildImportEntry(
      draft({ metadata: { title: 'T', caption: '', credit: '  ', tags: [], note: null, flag: false, rank: 0 } }),
      'video',
    )
    expect(entry.metadata).toEqual({ title: 'T', flag: false, rank: 0 })
  })

  it('turns translations into the documented array, sorted, skipping empty locales', () => {
    const entry = buildImportEntry(
      draft({
        translations: {
          fr: { metadata: { title: 'Un titre' } },
          de: { metadata: { title: 'Titel' } },
          it: { metadata: { title: '' } },
        },
      }),
      'video',
    )
    expect(entry.translations).toEqual([
      { locale: 'de', metadata: { title: 'Titel' } },
      { locale: 'fr', metadata: { title: 'Un titre' } },
    ])
  })

  it('adds a per-locale asset, even for a locale without translated metadata', () => {
    const entry = buildImportEntry(
      draft({}, { translationAssets: { fr: { ...fullAsset, key: 'fr.mp4', filename: 'fr.mp4' } } }),
      'file',
    )
    expect(entry.translations).toEqual([
      {
        locale: 'fr',
        metadata: {},
        asset: { key: 'fr.mp4', url: fullAsset.url, size: 1234, mimeType: 'video/mp4', filename: 'fr.mp4' },
      },
    ])
  })

  it('sets systemName from the row, else from the session default, and externalId only when given', () => {
    expect(buildImportEntry(draft({ systemName: 'dam', externalId: 'e1' }), 'video', 'importer')).toMatchObject({
      systemName: 'dam',
      externalId: 'e1',
    })
    const fallback = buildImportEntry(draft({ externalId: '' }), 'video', 'importer')
    expect(fallback.systemName).toBe('importer')
    expect(fallback).not.toHaveProperty('externalId')
    expect(buildImportEntry(draft(), 'video')).not.toHaveProperty('systemName')
    expect(buildImportEntry(draft(), 'video')).not.toHaveProperty('translations')
  })
})
