import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/core/model/row'
import { applyCorrection, entryVersion, markCorrection, metadataPatches, sameJson } from './update-plan'
import { applyPatches, judgeSent } from '../../src-main/core/updater/reconcile-sent'
import { toRow } from './row-shape'

const imported = (metadata: Record<string, unknown>, more: Partial<Row> = {}): Row =>
  toRow({
    rowId: 'r1',
    path: '/drop/a.jpg',
    relativePath: 'drop/a.jpg',
    size: 1,
    mtimeMs: 0,
    status: 'imported',
    result: { mediaId: 'm1', record: { version: 3, metadata } },
    entry: { id: 'm1', mediaType: 'image', metadata, translations: { fr: { metadata: { title: 'Port' } } } },
    ...more,
  })

describe('metadataPatches', () => {
  it('sends one setMetadataProperty per changed property, a removed one as null, keys in any order', () => {
    expect(
      metadataPatches(
        { title: 'A', credit: 'X', geo: { a: 1, b: 2 } },
        { title: 'B', geo: { b: 2, a: 1 }, caption: 'C' },
      ),
    ).toEqual([
      { operation: 'setMetadataProperty', propertyName: 'caption', value: 'C' },
      { operation: 'setMetadataProperty', propertyName: 'credit', value: null },
      { operation: 'setMetadataProperty', propertyName: 'title', value: 'B' },
    ])
    expect(sameJson(['a', 'b'], ['b', 'a'])).toBe(false)
  })
})

describe('markCorrection', () => {
  it('makes an imported row whose metadata changed "pending", with what the import sent as confirmed', () => {
    const before = imported({ title: 'A' })
    const after = { ...before, entry: { ...before.entry!, metadata: { title: 'B' } } }
    expect(markCorrection(after, before).update).toEqual({ state: 'pending', confirmed: { title: 'A' } })
  })

  it('drops the correction when the value goes back (undo), and leaves rows not imported alone', () => {
    const pending = imported({ title: 'B' }, { update: { state: 'pending', confirmed: { title: 'A' } } })
    const back = { ...pending, entry: { ...pending.entry!, metadata: { title: 'A' } } }
    expect(markCorrection(back, pending).update).toBeUndefined()
    const fresh = toRow({
      ...pending,
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 },
      result: undefined,
      update: undefined,
    })
    expect(markCorrection(toRow({ ...fresh, entry: { ...fresh.entry!, metadata: {} } }), fresh).update).toBeUndefined()
  })
})

describe('applyCorrection (a CSV line on an imported row)', () => {
  it('takes metadata, and the same id and media type repeated; an empty cell clears', () => {
    const row = imported({ title: 'A', credit: 'X' })
    const result = applyCorrection(row, { id: 'm1', mediaType: 'image', metadata: { title: 'B', credit: '' } })
    expect(result).toEqual({ entry: expect.objectContaining({ metadata: { title: 'B' } }) as unknown })
  })

  it('refuses a changed translation or media type with the reason, never dropping it', () => {
    const row = imported({ title: 'A' })
    expect(applyCorrection(row, { translations: { fr: { title: 'Le port' } } })).toEqual({
      refused: expect.objectContaining({
        field: 'translations.fr.metadata.title',
        message: expect.stringMatching(/no way to change a translation's metadata/) as string,
      }) as unknown,
    })
    expect(applyCorrection(row, { translations: { fr: { title: 'Port' } } })).toHaveProperty('entry')
    expect(applyCorrection(row, { mediaType: 'video' })).toEqual({
      refused: expect.objectContaining({ field: 'mediaType' }) as unknown,
    })
  })
})

describe('judgeSent (after a crash between PATCH and answer)', () => {
  const sent = {
    version: 3,
    patches: [{ operation: 'setMetadataProperty' as const, propertyName: 'title', value: 'B' }],
  }
  it('landed when the library holds the sent values, not landed when it still holds the old version', () => {
    expect(judgeSent(sent, { title: 'A' }, { version: 4, metadata: { title: 'B' } })).toEqual({
      kind: 'landed',
      version: 4,
    })
    expect(judgeSent(sent, { title: 'A' }, { version: 3, metadata: { title: 'A' } })).toEqual({ kind: 'not-landed' })
  })
  it('a conflict when the entry changed otherwise, gone when it is not there', () => {
    expect(judgeSent(sent, { title: 'A' }, { version: 4, metadata: { title: 'Z' } })).toEqual({
      kind: 'conflict',
      version: 4,
    })
    expect(judgeSent(sent, { title: 'A' }, undefined)).toEqual({ kind: 'gone' })
  })
  it('reads versions as numbers or strings, and applies patches with null removing', () => {
    expect(entryVersion({ version: '36' })).toBe(36)
    expect(entryVersion({})).toBeUndefined()
    expect(
      applyPatches({ a: 1, b: 2 }, [{ operation: 'setMetadataProperty', propertyName: 'a', value: null }]),
    ).toEqual({ b: 2 })
  })
})
