/**
 * Validation of one import entry, in the order the answer is decided: shape, id, systemName and
 * externalId, mediaType, asset, translations, then all metadata problems together. Uniqueness is
 * not checked here: it depends on the library (import-batch does it).
 */
import { assetProblems } from './asset-validation'
import { validateMetadata } from './metadata-validation'
import { checkTranslations } from './translations-validation'
import type { EntryTranslation, MediaAsset, MediaTypeConfig, MetadataErrorItem, ProjectConfig } from './types'

export const ID_PATTERN = /^[a-zA-Z0-9-]{1,32}$/
export const ENTRY_KEYS = ['id', 'systemName', 'externalId', 'mediaType', 'asset', 'metadata', 'translations']

export interface ValidEntry {
  id?: string
  systemName?: string
  externalId?: string
  mediaType: MediaTypeConfig
  asset: MediaAsset
  metadata: Record<string, unknown>
  translations: EntryTranslation[]
}

export type EntryVerdict =
  { ok: true; entry: ValidEntry } | { ok: false; message: string; errors?: MetadataErrorItem[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const fail = (message: string): EntryVerdict => ({ ok: false, message })

export function projectLocales(config: ProjectConfig): string[] {
  return config.settings.languages?.available.map((language) => language.locale) ?? []
}

export function validateEntry(raw: Record<string, unknown>, config: ProjectConfig): EntryVerdict {
  const extra = Object.keys(raw).find((key) => !ENTRY_KEYS.includes(key))
  if (extra !== undefined) return fail(`${extra} is not allowed in an entry (allowed: ${ENTRY_KEYS.join(', ')})`)

  const { id, systemName, externalId, mediaType: handle, asset, metadata, translations } = raw
  if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id))) {
    return fail(
      `id must be 1 to 32 characters a-z, A-Z, 0-9 or '-' (pattern ${ID_PATTERN.source}): ${JSON.stringify(id)}`,
    )
  }
  if (systemName !== undefined && (typeof systemName !== 'string' || systemName === '')) {
    return fail(`systemName must be a non-empty string: ${JSON.stringify(systemName)}`)
  }
  if (externalId !== undefined && (typeof externalId !== 'string' || externalId === '')) {
    return fail(`externalId must be a non-empty string: ${JSON.stringify(externalId)}`)
  }
  if (externalId !== undefined && systemName === undefined) {
    return fail('An asset with an externalId also requires a systemName')
  }

  const handles = config.mediaTypes.map((t) => t.handle)
  if (handle === undefined) return fail(`mediaType is required (one of ${handles.join(', ')})`)
  const mediaType = config.mediaTypes.find((t) => t.handle === handle)
  if (!mediaType) {
    return fail(`mediaType ${JSON.stringify(handle)} is not a media type of the project (one of ${handles.join(', ')})`)
  }

  if (asset === undefined) return fail('asset is required')
  const problems = assetProblems(asset, mediaType.type)
  if (problems.length > 0) return fail(problems.join('; '))

  if (metadata !== undefined && !isObject(metadata))
    return fail('metadata must be an object keyed by metadata property')
  const locales = projectLocales(config)
  const checked = checkTranslations(translations, mediaType, locales)
  if (!checked.ok) return fail(checked.message)

  const mainMetadata = metadata ?? {}
  const errors = [
    ...validateMetadata(mediaType, mainMetadata, { locales }),
    ...checked.translations.flatMap((t) =>
      validateMetadata(mediaType, t.metadata, { locales }, { translationLocale: t.locale }),
    ),
  ]
  if (errors.length > 0) return { ok: false, message: 'Metadata validation failed.', errors }

  const entry: ValidEntry = {
    mediaType,
    asset: asset as unknown as MediaAsset,
    metadata: mainMetadata,
    translations: checked.translations,
  }
  if (id !== undefined) entry.id = id as string
  if (systemName !== undefined) entry.systemName = systemName as string
  if (externalId !== undefined) entry.externalId = externalId as string
  return { ok: true, entry }
}
