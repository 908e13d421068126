/**
 * Builds the import entry a row becomes. Pure. The asset carries exactly the documented fields
 * for its kind (the OpenAPI asset schema has `additionalProperties: false`); empty metadata
 * values are left out rather than sent as `""` or `null`, which the server would have to reject
 * against the plugin's schema; translations become the documented array `{locale, metadata, asset?}`.
 */
import type { MediaKind, RowEntry } from '../model/row'
import type { EntryAsset, EntryTranslation, ImportEntry } from '../model/livingdocs'

/** Whatever upload and probe know about an asset so far. */
export type AssetFacts = Partial<EntryAsset>

/** A row's entry plus the assets it would be sent with: the input of building and of validation. */
export interface EntryDraft {
  entry: RowEntry
  asset?: AssetFacts
  /** Per-locale assets, where the media type's asset is translatable. */
  translationAssets?: Record<string, AssetFacts>
  /**
   * Why an upload failed (the storage layer's classified message), for the main asset and per
   * locale. Validation shows it on the asset cell instead of "not uploaded yet", so the row says
   * the real cause (a missing bucket, refused keys) and what to do.
   */
  uploadFailures?: { asset?: string; translations?: Record<string, string> }
}

export const ASSET_FIELDS: Record<MediaKind, readonly (keyof EntryAsset)[]> = {
  image: ['key', 'url', 'size', 'width', 'height', 'mimeType', 'filename'],
  video: ['key', 'url', 'size', 'width', 'height', 'duration', 'mimeType', 'filename'],
  file: ['key', 'url', 'size', 'mimeType', 'filename'],
}

/** Empty means "not set": nothing to send for it. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  )
}

export function pickAsset(asset: AssetFacts, kind: MediaKind): EntryAsset {
  const out: Record<string, unknown> = {}
  for (const field of ASSET_FIELDS[kind]) {
    const value = asset[field]
    if (value !== undefined) out[field] = value
  }
  return out as unknown as EntryAsset
}

export function compactMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(metadata)) {
    if (!isEmptyValue(value)) out[key] = value
  }
  return out
}

/**
 * The entry to send. `kind` is the kind of the row's media type. `systemName` falls back to the
 * session-wide one (the profile's `import.systemName`) when the row sets none.
 */
export function buildImportEntry(draft: EntryDraft, kind: MediaKind, defaultSystemName?: string): ImportEntry {
  const { entry } = draft
  const out: ImportEntry = {
    id: entry.id,
    mediaType: entry.mediaType ?? '',
    asset: pickAsset(draft.asset ?? {}, kind),
    metadata: compactMetadata(entry.metadata),
  }
  const systemName = isEmptyValue(entry.systemName) ? defaultSystemName : entry.systemName
  if (systemName !== undefined && !isEmptyValue(systemName)) out.systemName = systemName
  if (entry.externalId !== undefined && !isEmptyValue(entry.externalId)) out.externalId = entry.externalId

  const locales = new Set([...Object.keys(entry.translations), ...Object.keys(draft.translationAssets ?? {})])
  const translations: EntryTranslation[] = []
  for (const locale of [...locales].sort()) {
    const metadata = compactMetadata(entry.translations[locale]?.metadata ?? {})
    const asset = draft.translationAssets?.[locale]
    if (Object.keys(metadata).length === 0 && !asset) continue
    translations.push(asset ? { locale, metadata, asset: pickAsset(asset, kind) } : { locale, metadata })
  }
  if (translations.length > 0) out.translations = translations
  return out
}
