import { describe, expect, it } from 'vitest'
import type { Row } from '../model/row'
import { applyEntryEdit, shapeEntry } from './row-entry'
import { filledRow } from '../../../src-shared/rows/testing/example-rows'

const row = (over: Partial<Row> = {}): Row =>
  filledRow({
    rowId: 'r',
    path: '/d/a.jpg',
    relativePath: 'd/a.jpg',
    size: 1,
    mtimeMs: 0,
    status: 'scanned',
    ...over,
  })
let n = 0
const nextId = (): string => `id-${++n}`
const prefill = { mediaType: 'image', metadata: { title: 'Harbour', credit: 'Agency' }, sources: {}, fallback: [] }

describe('shapeEntry', () => {
  it('gives a new row an entry id once and keeps it through later changes', () => {
    const created = shapeEntry(row(), undefined, nextId)
    expect(created.entry).toEqual({ id: expect.stringMatching(/^id-\d+$/), metadata: {}, translations: {} })
    const probed = shapeEntry(filledRow({ ...created, status: 'probed' }), created, nextId)
    expect(probed.entry?.id).toBe(created.entry?.id)
    const replaced = shapeEntry({ ...row({ status: 'probed' }) }, created, nextId)
    expect(replaced.entry?.id).toBe(created.entry?.id)
  })

  it('starts the entry from the prefill when the row is probed; what the editor set wins', () => {
    const created = shapeEntry(row(), undefined, nextId)
    const edited = { ...created, entry: { ...created.entry!, metadata: { title: 'Mine' } } }
    const probed = shapeEntry(filledRow({ ...edited, status: 'probed', prefill }), edited, nextId)
    expect(probed.entry).toMatchObject({ mediaType: 'image', metadata: { title: 'Mine', credit: 'Agency' } })
    const uploaded = filledRow({
      ...probed,
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 },
    })
    const again = shapeEntry(uploaded, probed, nextId)
    expect(again).toEqual(uploaded)
  })

  it('gives a row probed before the pipeline existed its entry and prefill at once', () => {
    const old = row({ status: 'probed', prefill })
    expect(shapeEntry({ ...old }, old, nextId).entry).toMatchObject({ mediaType: 'image', metadata: prefill.metadata })
  })

  it('leaves skipped and imported rows alone', () => {
    expect(shapeEntry(row({ status: 'skipped' }), undefined, nextId).entry).toBeUndefined()
    const imported = row({ status: 'imported', result: { mediaId: 'm', record: {} } })
    expect(shapeEntry(imported, undefined, nextId)).toBe(imported)
  })
})

describe('applyEntryEdit', () => {
  const base = row({ status: 'uploaded', entry: { id: 'e1', metadata: { title: 'A', credit: 'B' }, translations: {} } })

  it('merges metadata and translations, null clears', () => {
    const out = applyEntryEdit(base, {
      metadata: { title: 'New', credit: null },
      translations: { fr: { title: 'Nouveau' } },
      systemName: 'wire',
      externalId: 'x-1',
    })
    expect(out).toEqual({
      entry: {
        id: 'e1',
        systemName: 'wire',
        externalId: 'x-1',
        metadata: { title: 'New' },
        translations: { fr: { metadata: { title: 'Nouveau' } } },
      },
    })
  })

  it('changes the id only until the first submit attempt', () => {
    expect(applyEntryEdit(base, { id: 'mine-1' })).toMatchObject({ entry: { id: 'mine-1' } })
    const tried = filledRow({
      ...base,
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 },
      submitAttempts: 1,
    })
    expect(applyEntryEdit(tried, { id: 'mine-1' })).toMatchObject({ refused: { field: 'id' } })
    expect(applyEntryEdit(tried, { id: 'e1', metadata: { title: 'ok' } })).toMatchObject({ entry: { id: 'e1' } })
  })

  it('refuses to change an imported row', () => {
    const imported = filledRow({ ...base, status: 'imported', result: { mediaId: 'e1', record: {} } })
    expect(applyEntryEdit(imported, { metadata: { title: 'x' } })).toMatchObject({
      refused: { field: 'id', message: expect.stringContaining('already imported') as string },
    })
  })
})
