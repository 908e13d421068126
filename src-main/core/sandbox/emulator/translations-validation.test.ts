import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import {
  fileAsset,
  fileEntry,
  imageAsset,
  imageEntry,
  importResults,
  startTestEmulator,
  videoAsset,
  videoEntry,
} from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(async () => {
  await emu.dispose()
})

async function detailsFor(entry: Record<string, unknown>): Promise<{ message: string; errors?: unknown[] }> {
  const [result] = await importResults(emu, [entry])
  expect(result).toMatchObject({
    ok: false,
    status: 400,
    error: 'ValidationError',
    correlation: `id: ${String(entry.id)}`,
  })
  return result?.error_details as { message: string; errors?: unknown[] }
}

describe('translation rules (over HTTP)', () => {
  it('accepts per-locale metadata and assets where the media type allows them', async () => {
    const results = await importResults(emu, [
      imageEntry('tr-image', {
        metadata: { title: 'Title', caption: 'Caption' },
        translations: [
          { locale: 'de', metadata: { title: 'Titel', caption: 'Bildtext' }, asset: imageAsset('tr-image-de') },
          { locale: 'fr', metadata: {} },
        ],
      }),
      fileEntry('tr-file', { translations: [{ locale: 'fr', metadata: { title: 'Doc' }, asset: fileAsset('fr') }] }),
    ])
    expect(results.map((r) => r.ok)).toEqual([true, true])
  })

  it('carries translationLocale on metadata errors inside a translation', async () => {
    const details = await detailsFor(
      imageEntry('tr-type', { translations: [{ locale: 'fr', metadata: { title: 7, caption: 'x' } }] }),
    )
    expect(details).toEqual({
      message: 'Metadata validation failed.',
      errors: [{ metadataProperty: 'title', message: "The value of '/title' must be string", translationLocale: 'fr' }],
    })
  })

  it('only lets translatable properties into a translation', async () => {
    const details = await detailsFor(
      imageEntry('tr-credit', { translations: [{ locale: 'de', metadata: { credit: 'AP' } }] }),
    )
    expect(details.errors).toEqual([
      {
        metadataProperty: 'credit',
        message: "The metadata property 'credit' is not translatable",
        translationLocale: 'de',
      },
    ])
  })

  it('applies length and newline rules in translations too', async () => {
    const details = await detailsFor(
      imageEntry('tr-length', { translations: [{ locale: 'de', metadata: { title: 'a\nb' + 'x'.repeat(200) } }] }),
    )
    expect(details.errors).toEqual([
      {
        metadataProperty: 'title',
        message: "The value of '/title' must NOT have more than 200 characters",
        translationLocale: 'de',
      },
      {
        metadataProperty: 'title',
        message: "The value of '/title' must not contain line breaks",
        translationLocale: 'de',
      },
    ])
  })

  it('rejects a locale that is not one of settings.languages.available', async () => {
    const details = await detailsFor(imageEntry('tr-locale', { translations: [{ locale: 'es', metadata: {} }] }))
    expect(details.message).toBe("translations[0].locale 'es' is not a language of the project (available: en, de, fr)")
  })

  it('rejects the same locale twice', async () => {
    const twice = [
      { locale: 'fr', metadata: {} },
      { locale: 'fr', metadata: {} },
    ]
    expect((await detailsFor(imageEntry('tr-twice', { translations: twice }))).message).toBe(
      "translations[1].locale 'fr' appears more than once",
    )
  })

  it('rejects a translation asset when the media type asset is not translatable', async () => {
    const details = await detailsFor(
      videoEntry('tr-video-asset', { translations: [{ locale: 'de', metadata: {}, asset: videoAsset('de') }] }),
    )
    expect(details.message).toBe("translations[0].asset is not allowed: media type 'video' has no translatable asset")
  })

  it('checks a translation asset with the same rules as the main asset', async () => {
    const { width: _w, ...asset } = imageAsset('bad-de')
    const details = await detailsFor(imageEntry('tr-asset', { translations: [{ locale: 'de', metadata: {}, asset }] }))
    expect(details.message).toMatch(/^translations\[0\]\.asset\.width is required/)
  })

  it('rejects translations that are not an array of { locale, metadata, asset? }', async () => {
    expect((await detailsFor(imageEntry('tr-object', { translations: { fr: { title: 'x' } } }))).message).toBe(
      'translations must be an array of { locale, metadata, asset? }',
    )
    const extra = [{ locale: 'fr', metadata: {}, label: 'x' }]
    expect((await detailsFor(imageEntry('tr-extra', { translations: extra }))).message).toBe(
      'translations[0].label is not allowed (allowed: locale, metadata, asset)',
    )
    expect((await detailsFor(imageEntry('tr-no-meta', { translations: [{ locale: 'fr' }] }))).message).toBe(
      "translations[0].metadata is required and must be an object (locale 'fr')",
    )
  })
})
