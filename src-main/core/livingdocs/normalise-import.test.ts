import { describe, expect, it } from 'vitest'
import { idFromCorrelation, normaliseImportResponse } from './normalise-import'

// The documented error cases (shared/reference/000_ace7f804616f2b0d.txt), one per item.
const documentedErrors = [
  {
    ok: false,
    correlation: 'id: custom-1',
    status: 409,
    error: 'UniqueIdViolation',
    error_details: { message: "id is not unique: 'custom-1'" },
  },
  {
    ok: false,
    correlation: 'id: custom-2',
    status: 409,
    error: 'UniqueIdViolation',
    error_details: { message: "externalId is not unique: 'external-1'" },
  },
  {
    ok: false,
    correlation: 'id: custom-3',
    status: 400,
    error: 'ValidationError',
    error_details: { message: 'An asset with an externalId also requires a systemName' },
  },
  {
    ok: false,
    correlation: 'id: custom-4',
    status: 400,
    error: 'ValidationError',
    error_details: {
      message: 'Metadata validation failed.',
      errors: [{ metadataProperty: 'title', message: "The value of '/title' must be string" }],
    },
  },
]

describe('normaliseImportResponse', () => {
  const ok = { ok: true, status: 200, id: 'custom-1', record: { id: 'custom-1', mediaType: 'image' } }

  it('reads the three wrappers alike', () => {
    const expected = [{ outcome: 'ok', id: 'custom-1', status: 200, record: ok.record }]
    expect(normaliseImportResponse({ results: [ok] })).toEqual(expected)
    expect(normaliseImportResponse({ mediaLibraryEntries: [ok] })).toEqual(expected)
    expect(normaliseImportResponse([ok])).toEqual(expected)
  })

  it('returns undefined for a body without a list', () => {
    expect(normaliseImportResponse({ status: 200 })).toBeUndefined()
    expect(normaliseImportResponse('<html>')).toBeUndefined()
    expect(normaliseImportResponse(null)).toBeUndefined()
  })

  it('classifies each documented error case and keeps the id from the correlation', () => {
    const items = normaliseImportResponse({ results: documentedErrors }) ?? []
    expect(items.map((i) => (i.outcome === 'error' ? [i.id, i.status, i.reason] : i.outcome))).toEqual([
      ['custom-1', 409, 'duplicate-id'],
      ['custom-2', 409, 'duplicate-external-id'],
      ['custom-3', 400, 'validation'],
      ['custom-4', 400, 'validation'],
    ])
    const last = items[3]
    expect(last?.outcome === 'error' && last.errors).toEqual([
      { metadataProperty: 'title', message: "The value of '/title' must be string" },
    ])
  })

  it('reads the pre-2024-09 MetadataValidationErrors form', () => {
    const [item] =
      normaliseImportResponse([
        {
          ok: false,
          correlation: 'id: old-1',
          status: 400,
          error: 'MetadataValidationErrors',
          error_details: {
            message: 'Metadata validation failed',
            invalidMetadata: [
              { metadataProperty: 'caption', message: 'should be string' },
              { dataPath: '/credit', message: 'should be string' },
              "The value of '/title' should be string",
            ],
          },
        },
      ]) ?? []
    expect(item).toMatchObject({ outcome: 'error', id: 'old-1', reason: 'validation' })
    expect(item?.outcome === 'error' && item.errors.map((e) => e.metadataProperty)).toEqual([
      'caption',
      'credit',
      'title',
    ])
  })

  it('keeps translationLocale on field errors', () => {
    const [item] =
      normaliseImportResponse({
        results: [
          {
            ok: false,
            id: 't-1',
            status: 400,
            error: 'ValidationError',
            error_details: {
              message: 'Metadata validation failed.',
              errors: [{ metadataProperty: 'title', translationLocale: 'fr', message: 'must be string' }],
            },
          },
        ],
      }) ?? []
    expect(item?.outcome === 'error' && item.errors).toEqual([
      { metadataProperty: 'title', translationLocale: 'fr', message: 'must be string' },
    ])
  })

  it('accepts bare entries as successes (the OpenAPI shape)', () => {
    const bare = { id: 'x-1', mediaType: 'image', asset: { key: 'k' } }
    expect(normaliseImportResponse({ results: [bare] })).toEqual([
      { outcome: 'ok', id: 'x-1', status: 200, record: bare },
    ])
  })

  it('marks items it cannot read as unreadable instead of guessing', () => {
    const items = normaliseImportResponse({ results: ['nonsense', { id: 'y-1' }, 7] }) ?? []
    expect(items.map((i) => [i.outcome, i.id])).toEqual([
      ['unreadable', undefined],
      ['unreadable', 'y-1'],
      ['unreadable', undefined],
    ])
  })

  it('treats an item with an error status but no ok flag as a failure', () => {
    const [item] = normaliseImportResponse([{ id: 'z', status: 500, error: 'InternalServerError' }]) ?? []
    expect(item).toMatchObject({
      outcome: 'error',
      id: 'z',
      status: 500,
      reason: 'other',
      message: 'InternalServerError',
    })
  })
})

describe('idFromCorrelation', () => {
  it('reads the id part only', () => {
    expect(idFromCorrelation('id: custom-1')).toBe('custom-1')
    expect(idFromCorrelation('externalId: e-1, id: abc')).toBe('abc')
    expect(idFromCorrelation('externalId: e-1')).toBeUndefined()
    expect(idFromCorrelation(undefined)).toBeUndefined()
  })
})
