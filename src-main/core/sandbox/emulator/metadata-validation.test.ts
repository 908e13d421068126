import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import { imageEntry, importResults, startTestEmulator } from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(async () => {
  await emu.dispose()
})

let counter = 0
/** Imports one image with this metadata; answers its `errors` (and checks the envelope). */
async function metadataErrors(metadata: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const id = `meta-${++counter}`
  const [result] = await importResults(emu, [imageEntry(id, { metadata, ...extra })])
  expect(result).toMatchObject({
    ok: false,
    correlation: `id: ${id}`,
    status: 400,
    error: 'ValidationError',
    error_details: { message: 'Metadata validation failed.' },
  })
  return (result?.error_details as { errors: unknown[] }).errors
}

async function accepted(metadata: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<boolean> {
  const [result] = await importResults(emu, [imageEntry(`meta-ok-${++counter}`, { metadata, ...extra })])
  return result?.ok === true
}

const one = (metadataProperty: string, message: string) => [{ metadataProperty, message }]

describe('metadata rules (over HTTP)', () => {
  it('answers the documented error for a title that is not a string', async () => {
    expect(await metadataErrors({ title: 5 })).toEqual(one('title', "The value of '/title' must be string"))
  })

  it('rejects a property the media type does not define', async () => {
    expect(await metadataErrors({ title: 't', colour: 'red' })).toEqual(
      one('colour', "The metadata property 'colour' is not defined for media type 'image'"),
    )
  })

  it('requires a required property on the main metadata (missing or blank)', async () => {
    expect(await metadataErrors({})).toEqual(one('title', "The value of '/title' is required"))
    expect(await metadataErrors({ title: '  ' })).toEqual(one('title', "The value of '/title' is required"))
  })

  it('enforces maxLength in characters, not bytes', async () => {
    expect(await accepted({ title: 'é'.repeat(200) })).toBe(true)
    expect(await metadataErrors({ title: 'x'.repeat(201) })).toEqual(
      one('title', "The value of '/title' must NOT have more than 200 characters"),
    )
  })

  it('rejects line breaks where allowNewlines is false and keeps them where true', async () => {
    expect(await metadataErrors({ title: 'a\nb' })).toEqual(
      one('title', "The value of '/title' must not contain line breaks"),
    )
    expect(await accepted({ title: 'a', caption: 'line 1\nline 2' })).toBe(true)
  })

  it('checks li-string-list items', async () => {
    expect(await metadataErrors({ title: 't', keywords: 'politics' })).toEqual(
      one('keywords', "The value of '/keywords' must be array"),
    )
    expect(await metadataErrors({ title: 't', keywords: ['a', 2] })).toEqual(
      one('keywords', "The value of '/keywords/1' must be string"),
    )
    expect(await accepted({ title: 't', keywords: ['not-in-the-suggestions'] })).toBe(true)
  })

  it('checks li-enum values against dataProvider items', async () => {
    expect(await accepted({ title: 't', license: 'cc0' })).toBe(true)
    expect(await metadataErrors({ title: 't', license: 'gpl' })).toEqual(
      one(
        'license',
        "The value of '/license' must be equal to one of the allowed values (all-rights-reserved, agency-editorial, cc-by-4.0, cc0)",
      ),
    )
  })

  it('checks li-integer type and minValue/maxValue', async () => {
    expect(await metadataErrors({ title: 't', rating: 2.5 })).toEqual(
      one('rating', "The value of '/rating' must be integer"),
    )
    expect(await metadataErrors({ title: 't', rating: 6 })).toEqual(
      one('rating', "The value of '/rating' must be <= 5"),
    )
    expect(await metadataErrors({ title: 't', rating: -1 })).toEqual(
      one('rating', "The value of '/rating' must be >= 0"),
    )
    expect(await accepted({ title: 't', rating: 0 })).toBe(true)
  })

  it('checks li-boolean', async () => {
    expect(await metadataErrors({ title: 't', featured: 'yes' })).toEqual(
      one('featured', "The value of '/featured' must be boolean"),
    )
  })

  it('checks li-date as a real YYYY-MM-DD date', async () => {
    for (const bad of ['2026-02-30', '2026-11-26T10:00:00Z', '26.11.2026']) {
      expect(await metadataErrors({ title: 't', dateTaken: bad })).toEqual(
        one('dateTaken', 'The value of \'/dateTaken\' must match format "date"'),
      )
    }
    expect(await accepted({ title: 't', dateTaken: '2024-02-29' })).toBe(true)
  })

  it('checks li-metadata-translations values', async () => {
    expect(await accepted({ title: 't', language: { locale: 'de', label: 'Deutsch' } })).toBe(true)
    expect(await metadataErrors({ title: 't', language: { locale: 'es', label: 'Español' } })).toEqual(
      one('language', "The value of '/language/locale' must be one of the project's languages (en, de, fr)"),
    )
  })

  it('reports every problem of an entry at once', async () => {
    const errors = await metadataErrors({ title: 1, rating: 9, featured: 'no' })
    expect(errors).toHaveLength(3)
  })

  it('rejects null for a typed property (it is not "unset")', async () => {
    expect(await metadataErrors({ title: 't', credit: null })).toEqual(
      one('credit', "The value of '/credit' must be string"),
    )
  })
})
