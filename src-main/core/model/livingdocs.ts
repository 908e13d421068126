/**
 * The shapes the Livingdocs client speaks, after normalisation. What goes over the wire is
 * documented in docs/reference/livingdocs-api.md; these types are what the rest of the core
 * sees, whatever the server version answered.
 */
import type { MediaKind } from './probe-facts'

/** The asset object of an import entry: exactly the documented fields for its kind. */
export interface EntryAsset {
  key: string
  url: string
  size: number
  width?: number
  height?: number
  /** Seconds (float); videos only. */
  duration?: number
  mimeType: string
  filename: string
}

export interface EntryTranslation {
  locale: string
  metadata: Record<string, unknown>
  asset?: EntryAsset
}

/** One element of `mediaLibraryEntries` in `POST /import/mediaLibrary`. */
export interface ImportEntry {
  id: string
  mediaType: string
  systemName?: string
  externalId?: string
  asset: EntryAsset
  metadata: Record<string, unknown>
  translations?: EntryTranslation[]
}

/** Why the server refused one entry, in terms the importer acts on. */
export type ImportFailureReason = 'validation' | 'duplicate-id' | 'duplicate-external-id' | 'other'

/** A field-level complaint from the server (`error_details.errors[]` or legacy `invalidMetadata[]`). */
export interface ServerFieldError {
  metadataProperty?: string
  translationLocale?: string
  message: string
}

export type ImportItem =
  | { outcome: 'ok'; id?: string; status: number; record: Record<string, unknown> }
  | {
      outcome: 'error'
      id?: string
      status: number
      /** The server's error name, e.g. `ValidationError`, `UniqueIdViolation`. */
      error: string
      reason: ImportFailureReason
      message: string
      errors: ServerFieldError[]
    }
  /** An item we could not read; the entry's fate is unknown and must be looked up. */
  | { outcome: 'unreadable'; id?: string; raw: unknown }

/** A Media Library entry as lookups return it. */
export interface LibraryEntry {
  id: string
  mediaType?: string
  systemName?: string
  externalId?: string
  assetKey?: string
  filename?: string
  record: Record<string, unknown>
}

/** One metadata property of a media type, with the config that can reject values. */
export interface PropertyModel {
  handle: string
  /** Plugin type, e.g. `li-text`. */
  plugin: string
  label: string
  required: boolean
  /** The project's own wording for a missing required value (`config.requiredErrorMessage`). */
  requiredMessage?: string
  translatable: boolean
  minLength?: number
  maxLength?: number
  /** `false` forbids newlines; undefined means the server does not check (li-text docs). */
  allowNewlines?: boolean
  minValue?: number
  maxValue?: number
  maxItems?: number
  /** Allowed values where the config lists them (`dataProvider.items`). */
  allowedValues?: (string | number)[]
}

export interface ExifMapping {
  field: string
  property: string
}

export interface MediaTypeModel {
  handle: string
  kind: MediaKind
  label: string
  assetTranslatable: boolean
  /** Translations need a `li-metadata-translations` property on the media type (Media Library setup guide). */
  translationsEnabled: boolean
  properties: PropertyModel[]
  exifMappings: ExifMapping[]
}

/** What the importer and the grid need from `GET /projectConfig`; plain data, safe to send over IPC. */
export interface ProjectModel {
  mediaTypes: MediaTypeModel[]
  languages: { locales: string[]; defaultLocale?: string }
}

/** The body of `PATCH /mediaLibrary/{id}`; `preserveUpdatedAt` is dropped before 2026-03 (client.ts). */
export interface EntryPatchBody {
  version?: number
  patches: { operation: 'setMetadataProperty'; propertyName: string; value: unknown }[]
  preserveUpdatedAt?: boolean
}
