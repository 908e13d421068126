import { describe, expect, it } from 'vitest'
import { serverIssuesFor } from './error-fields'
import { normaliseImportItem } from './normalise-import'

const issuesOf = (raw: unknown) => {
  const item = normaliseImportItem(raw)
  if (item.outcome !== 'error') throw new Error('expected an error item')
  return serverIssuesFor(item)
}

describe('serverIssuesFor', () => {
  it('pins metadata errors to metadata.<property>', () => {
    expect(
      issuesOf({
        ok: false,
        correlation: 'id: c-4',
        status: 400,
        error: 'ValidationError',
        error_details: {
          message: 'Metadata validation failed.',
          errors: [{ metadataProperty: 'title', message: "The value of '/title' must be string" }],
        },
      }),
    ).toEqual([{ field: 'metadata.title', message: "The value of '/title' must be string", source: 'server' }])
  })

  it('reads the single-error form, with metadataProperty / translationLocale at the top of error_details', () => {
    const single = (details: Record<string, unknown>) =>
      issuesOf({ ok: false, id: 's', status: 400, error: 'ValidationError', error_details: details })
    expect(single({ message: "The value of '/credit' must be string", metadataProperty: 'credit' })).toEqual([
      { field: 'metadata.credit', message: "The value of '/credit' must be string", source: 'server' },
    ])
    expect(single({ message: 'must be string', metadataProperty: 'title', translationLocale: 'fr' })).toEqual([
      { field: 'translations.fr.metadata.title', message: 'must be string', source: 'server' },
    ])
    expect(single({ message: 'Locale is not configured', translationLocale: 'xx' })).toEqual([
      { field: 'translations.xx', message: 'Locale is not configured', source: 'server' },
    ])
  })

  it('pins translated metadata errors to translations.<locale>.metadata.<property>', () => {
    const issues = issuesOf({
      ok: false,
      id: 'x',
      status: 400,
      error: 'ValidationError',
      error_details: {
        message: 'Metadata validation failed.',
        errors: [
          { metadataProperty: 'title', translationLocale: 'fr', message: 'must be string' },
          { translationLocale: 'xx', message: 'unknown locale' },
        ],
      },
    })
    expect(issues.map((i) => i.field)).toEqual(['translations.fr.metadata.title', 'translations.xx'])
  })

  it('pins the legacy invalidMetadata form the same way', () => {
    const issues = issuesOf({
      ok: false,
      id: 'x',
      status: 400,
      error: 'MetadataValidationErrors',
      error_details: { invalidMetadata: [{ dataPath: '/caption', message: 'should be string' }] },
    })
    expect(issues).toEqual([{ field: 'metadata.caption', message: 'should be string', source: 'server' }])
  })

  it('pins unique violations to id and externalId', () => {
    const id = issuesOf({
      ok: false,
      status: 409,
      error: 'UniqueIdViolation',
      error_details: { message: "id is not unique: 'c-1'" },
    })
    const ext = issuesOf({
      ok: false,
      status: 409,
      error: 'UniqueIdViolation',
      error_details: { message: "externalId is not unique: 'e-1'" },
    })
    expect(id.map((i) => i.field)).toEqual(['id'])
    expect(ext.map((i) => i.field)).toEqual(['externalId'])
  })

  it('pins whole-entry messages by what they name', () => {
    const issues = issuesOf({
      ok: false,
      status: 400,
      error: 'ValidationError',
      error_details: { message: 'An asset with an externalId also requires a systemName' },
    })
    expect(issues).toEqual([
      {
        field: 'systemName',
        message: 'An asset with an externalId also requires a systemName (400 ValidationError)',
        source: 'server',
      },
    ])
    expect(
      issuesOf({
        ok: false,
        status: 400,
        error: 'ValidationError',
        error_details: { message: 'asset.key is required' },
      })[0]?.field,
    ).toBe('asset')
    expect(issuesOf({ ok: false, status: 500, error: 'Boom', error_details: {} })[0]).toEqual({
      field: 'entry',
      message: 'Boom (500 Boom)',
      source: 'server',
    })
  })
})
