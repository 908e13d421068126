import { describe, expect, it } from 'vitest'
import { readProjectModel } from '../../src-main/core/livingdocs/project-model'
import config from '../../resources/sandbox/project-config.json'
import { buildColumns } from './column-model'

describe('buildColumns', () => {
  it('leads with the picture, the file and the fields a desk fills first, then the state', () => {
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
    expect(ids[13]).toBe('status')
    // Technical columns follow the state, then the other fields.
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
    expect(ids.slice(-2)).toEqual(['mediaId', 'errors'])
  })

  it('keeps the file facts without a project', () => {
    expect(buildColumns(null).map((c) => c.id)).toEqual([
      'select',
      'thumbnail',
      'path',
      'status',
      'kind',
      'size',
      'upload',
      'mediaType',
      'id',
      'systemName',
      'externalId',
      'mediaId',
      'errors',
    ])
  })
})
