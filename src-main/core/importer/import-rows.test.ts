import { describe, expect, it } from 'vitest'
import { FakeMediaLibrary } from '../../test-support/fake-media-library'
import { readProjectModel } from '../../../src-shared/project/project-model'
import type { ValidationInput } from '../validation/validate-entry'
import { importRows, prepareSubmission } from './import-rows'

const model = readProjectModel({
  settings: { languages: { available: [{ locale: 'en' }, { locale: 'fr' }] } },
  mediaTypes: [
    {
      handle: 'file',
      type: 'mediaFile',
      metadata: [
        { handle: 'title', type: 'li-text', config: { required: true, translatable: true } },
        { handle: 'language', type: 'li-metadata-translations' },
      ],
    },
  ],
})

const row = (i: number, over: Partial<ValidationInput['entry']> = {}): ValidationInput => ({
  rowId: `row-${i}`,
  kind: 'file',
  entry: {
    id: `e-${i}`,
    mediaType: 'file',
    externalId: `x-${i}`,
    metadata: { title: `T${i}` },
    translations: {},
    ...over,
  },
  asset: { key: `k/${i}.pdf`, url: `http://s3/k/${i}.pdf`, size: 1, mimeType: 'application/pdf', filename: `${i}.pdf` },
})

describe('prepareSubmission', () => {
  it('builds valid rows, holds back invalid ones with their issues, and turns library matches into conflicts', () => {
    const library = [{ id: 'old', systemName: 'dam', externalId: 'x-2', record: {} }]
    const p = prepareSubmission(model, [row(0), row(1, { metadata: {} }), row(2)], {
      defaultSystemName: 'dam',
      library,
    })
    expect(p.ready.map((r) => [r.rowId, r.entry.systemName])).toEqual([['row-0', 'dam']])
    expect(p.heldBack.get('row-1')?.map((i) => i.field)).toEqual(['metadata.title'])
    expect(p.conflicts.get('row-2')).toMatchObject({
      status: 'conflict',
      conflict: { field: 'externalId', existing: { mediaId: 'old' } },
    })
  })
})

describe('importRows', () => {
  it('runs pre-flight, validation and submit, answering per row', async () => {
    const library = new FakeMediaLibrary()
    library.seed({
      id: 'old',
      mediaType: 'file',
      systemName: 'dam',
      externalId: 'x-2',
      asset: { key: 'old.pdf', url: 'http://s3/old.pdf', size: 1, mimeType: 'application/pdf', filename: 'old.pdf' },
      metadata: {},
    })
    const attempted: string[] = []
    const result = await importRows(library, model, [row(0), row(1, { metadata: {} }), row(2), row(3)], {
      defaultSystemName: 'dam',
      onRowAttempt: (ids) => attempted.push(...ids),
    })
    expect(attempted).toEqual(['row-0', 'row-3'])
    expect([...result.outcomes].map(([rowId, o]) => [rowId, o.status]).sort()).toEqual([
      ['row-0', 'imported'],
      ['row-2', 'conflict'],
      ['row-3', 'imported'],
    ])
    expect(result.prepared.heldBack.has('row-1')).toBe(true)
    expect(library.entries.size).toBe(3)
  })
})
