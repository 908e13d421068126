/**
 * Types of the Livingdocs project config (the parts a Media Library import touches) and of
 * Media Library entries, shaped as `GET /api/{v}/projectConfig` and `GET /api/{v}/mediaLibrary/{id}`
 * return them (docs/reference/livingdocs-api.md §1, §4, §5). Shared with the Livingdocs client and the grid.
 */

export type MediaTypeKind = 'mediaImage' | 'mediaVideo' | 'mediaFile'

export interface LanguageConfig {
  label: string
  locale: string
}

export interface LanguagesSettings {
  available: LanguageConfig[]
  defaultLanguage: LanguageConfig
  requiredOnCreation?: boolean
}

export interface LabelValueItem {
  label: string
  value: string
}

export interface DataProviderConfig {
  type: string
  items?: LabelValueItem[]
}

/** `config` of a metadata property; which keys apply depends on the plugin (`type`). */
export interface MetadataPropertyOptions {
  required?: boolean
  requiredErrorMessage?: string
  translatable?: boolean
  index?: boolean
  hideFromForm?: boolean
  minLength?: number
  maxLength?: number
  recommendedMinLength?: number
  recommendedMaxLength?: number
  allowNewlines?: boolean
  minValue?: number
  maxValue?: number
  maxItems?: number
  dataProvider?: DataProviderConfig
}

export interface MetadataPropertyConfig {
  handle: string
  /** Plugin name, e.g. `li-text`, `li-enum`, `li-metadata-translations`. */
  type: string
  config?: MetadataPropertyOptions
  ui?: { label?: string; config?: { readOnly?: boolean; placeholder?: string } }
}

/** One `exifExtraction.mappings` item: an IPTC/XMP field name (or alias) into a metadata property. */
export interface ExifMapping {
  field: string
  metadataPropertyName: string
}

export interface MediaTypeConfig {
  handle: string
  type: MediaTypeKind
  info?: { label?: string; description?: string }
  asset?: { translatable?: boolean; replaceable?: boolean }
  metadata: MetadataPropertyConfig[]
  exifExtraction?: { mappings: ExifMapping[] }
}

export interface ProjectConfig {
  v?: number
  $baseRevision?: number
  settings: { languages?: LanguagesSettings } & Record<string, unknown>
  mediaTypes: MediaTypeConfig[]
  contentTypes?: unknown[]
  [key: string]: unknown
}

/** `asset` of an entry. Which fields are required depends on the media type's kind. */
export interface MediaAsset {
  key: string
  url: string
  size: number
  mimeType: string
  filename: string
  width?: number
  height?: number
  /** Seconds, videos only. */
  duration?: number
}

export interface EntryTranslation {
  locale: string
  metadata: Record<string, unknown>
  asset?: MediaAsset
}

/** A stored Media Library entry, as `record` in import results and as `GET /mediaLibrary/{id}` returns it. */
export interface MediaLibraryEntry {
  id: string
  version: number
  mediaType: string
  asset: MediaAsset
  metadata: Record<string, unknown>
  translations: EntryTranslation[]
  systemName?: string
  externalId?: string
  createdAt: string
  updatedAt: string
}

/** One item of an import response, in request order. */
export type ImportResultItem =
  | { ok: true; status: 200; id: string; record: MediaLibraryEntry }
  | {
      ok: false
      correlation: string
      status: 400 | 409
      error: 'ValidationError' | 'UniqueIdViolation'
      error_details: { message: string; errors?: MetadataErrorItem[] }
    }

export interface MetadataErrorItem {
  metadataProperty: string
  message: string
  translationLocale?: string
}

/** How `<= 2025-11` answers lists: the docs page shows a wrapper, the changelog a bare array. */
export type LegacyShape = 'wrapped' | 'bare-array'
