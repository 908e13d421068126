import { describe, expect, it } from 'vitest'
import { normaliseImportResponse } from '../livingdocs/normalise-import'
import type { ImportEntry } from '../model/livingdocs'
import { prepareEntry } from './batching'
import { readAnswer } from './read-answer'

const entry = (id: string): ImportEntry => ({
  id,
  mediaType: 'file',
  systemName: 'dam',
  externalId: `x-${id}`,
  asset: { key: `${id}.pdf`, url: `http://s3/${id}.pdf`, size: 1, mimeType: 'application/pdf', filename: `${id}.pdf` },
  metadata: {},
})
const batch = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => prepareEntry(entry(id)))

describe('readAnswer', () => {
  it('sorts every entry of a mixed answer into exactly one bucket', () => {
    const items =
      normaliseImportResponse({
        results: [
          { ok: true, status: 200, id: 'a', record: { id: 'a', mediaType: 'file' } },
          {
            ok: false,
            correlation: 'id: b',
            status: 409,
            error: 'UniqueIdViolation',
            error_details: { message: "id is not unique: 'b'" },
          },
          {
            ok: false,
            correlation: 'id: c',
            status: 409,
            error: 'UniqueIdViolation',
            error_details: { message: "externalId is not unique: 'x-c'" },
          },
          {
            ok: false,
            correlation: 'id: d',
            status: 400,
            error: 'ValidationError',
            error_details: {
              message: 'Metadata validation failed.',
              errors: [{ metadataProperty: 'title', message: 'must be string' }],
            },
          },
          { ok: false, correlation: 'id: e', status: 500, error: 'InternalServerError', error_details: {} },
          'garbage',
          // g: not mentioned at all
        ],
      }) ?? []
    const r = readAnswer(batch, items)
    expect(r.settled).toEqual([
      { id: 'a', status: 'imported', mediaId: 'a', record: { id: 'a', mediaType: 'file' }, confirmedBy: 'response' },
      {
        id: 'd',
        status: 'rejected',
        issues: [{ field: 'metadata.title', message: 'must be string', source: 'server' }],
      },
    ])
    expect(r.duplicateId.map((p) => p.entry.id)).toEqual(['b'])
    expect(r.duplicateExternalId.map((p) => p.entry.id)).toEqual(['c'])
    // "garbage" sits at f's position, so f is matched positionally to an unreadable item.
    expect(r.unknown.map((p) => p.entry.id)).toEqual(['e', 'f', 'g'])
  })

  it('takes the media id from the record when the server chose another one', () => {
    const items = normaliseImportResponse([{ ok: true, id: 'a', record: { id: 'server-id' } }]) ?? []
    expect(readAnswer(batch.slice(0, 1), items).settled[0]).toMatchObject({ status: 'imported', mediaId: 'server-id' })
  })
})
