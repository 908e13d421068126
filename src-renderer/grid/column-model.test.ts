import { describe, expect, it } from 'vitest'
import { readProjectModel } from '../../src-shared/project/project-model'
import config from '../../resources/sandbox/project-config.json'
import { buildColumns } from './column-model'

describe('buildColumns', () => {
  it('leads with the picture, the file and the fields a desk fills first, and ends with the state', () => {
    const columns = buildColumns(readProjectModel(config))
    const ids = columns.map((c) => c.id)
    expect(ids.slice(0, 12)).toEqual([
      'select',
      'thumbnail',
      'path',
      'metadata.title',
      'metadata.caption',
      'metadata.credit',
      'metadata.description',
      'translations.de.metadata.title',
      'translations.de.metadata.caption',
      'translations.de.metadata.description',
      'translations.fr.metadata.title',
      'translations.fr.metadata.caption',
    ])
    // Last, so the grid can hold it at the right edge (MediaGrid).
    expect(ids.at(-1)).toBe('status')
    // Technical columns follow the leading fields, then the other fields.
    expect(columns.filter((c) => c.technical).map((c) => c.id)).toEqual([
      'kind',
      'size',
      'upload',
      'mediaType',
      'id',
      'systemName',
      'externalId',
    ])
    expect(ids.indexOf('metadata.source')).toBeGreaterThan(ids.indexOf('externalId'))
    expect(ids.slice(-3)).toEqual(['mediaId', 'errors', 'status'])
  })

  it('sizes a field by what it holds: a caption wide, a title medium, a credit one short line', () => {
    const width = (id: string) => buildColumns(readProjectModel(config)).find((c) => c.id === id)?.width
    expect(width('metadata.caption')).toBe(300)
    expect(width('metadata.description')).toBe(300)
    expect(width('metadata.title')).toBe(220)
    // 500 characters allowed, but one line of a name: not a caption's width.
    expect(width('metadata.credit')).toBe(180)
    expect(width('metadata.source')).toBe(180)
  })

  it('keeps the file facts without a project', () => {
    expect(buildColumns(null).map((c) => c.id)).toEqual([
      'select',
      'thumbnail',
      'path',
      'kind',
      'size',
      'upload',
      'mediaType',
      'id',
      'systemName',
      'externalId',
      'mediaId',
      'errors',
      'status',
    ])
  })
})
