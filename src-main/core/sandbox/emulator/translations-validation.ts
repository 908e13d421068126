/**
 * The shape of `translations`: an array of `{ locale, metadata, asset? }` (OpenAPI
 * MediaLibraryTranslations, additionalProperties: false). Locales come from
 * settings.languages.available; a per-locale asset needs the media type's asset.translatable;
 * translations at all need a li-metadata-translations property (Media Library setup guide).
 * The metadata inside is checked by metadata-validation.
 */
import { assetProblems } from './asset-validation'
import type { EntryTranslation, MediaAsset, MediaTypeConfig } from './types'

const ALLOWED_KEYS = ['locale', 'metadata', 'asset']

export type TranslationsVerdict = { ok: true; translations: EntryTranslation[] } | { ok: false; message: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function checkTranslations(
  value: unknown,
  mediaType: MediaTypeConfig,
  locales: readonly string[],
): TranslationsVerdict {
  if (value === undefined) return { ok: true, translations: [] }
  if (!Array.isArray(value)) return fail('translations must be an array of { locale, metadata, asset? }')
  if (value.length > 0 && !mediaType.metadata.some((p) => p.type === 'li-metadata-translations')) {
    return fail(`Media type '${mediaType.handle}' has no metadata translations (no li-metadata-translations property)`)
  }
  const seen = new Set<string>()
  const translations: EntryTranslation[] = []
  for (const [i, item] of value.entries()) {
    const where = `translations[${i}]`
    if (!isObject(item)) return fail(`${where} must be an object { locale, metadata, asset? }`)
    const extra = Object.keys(item).find((key) => !ALLOWED_KEYS.includes(key))
    if (extra !== undefined) return fail(`${where}.${extra} is not allowed (allowed: ${ALLOWED_KEYS.join(', ')})`)
    const { locale, metadata, asset } = item
    if (typeof locale !== 'string') return fail(`${where}.locale is required and must be a string`)
    if (!locales.includes(locale)) {
      return fail(`${where}.locale '${locale}' is not a language of the project (available: ${locales.join(', ')})`)
    }
    if (seen.has(locale)) return fail(`${where}.locale '${locale}' appears more than once`)
    seen.add(locale)
    if (!isObject(metadata)) return fail(`${where}.metadata is required and must be an object (locale '${locale}')`)
    const translation: EntryTranslation = { locale, metadata }
    if (asset !== undefined) {
      if (mediaType.asset?.translatable !== true) {
        return fail(`${where}.asset is not allowed: media type '${mediaType.handle}' has no translatable asset`)
      }
      const problems = assetProblems(asset, mediaType.type, `${where}.asset`)
      if (problems.length > 0) return fail(problems.join('; '))
      translation.asset = asset as unknown as MediaAsset
    }
    translations.push(translation)
  }
  return { ok: true, translations }
}

function fail(message: string): TranslationsVerdict {
  return { ok: false, message }
}
