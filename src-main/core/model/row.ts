/**
 * A grid row: one file the editor dropped. Main owns rows; the renderer mirrors them.
 * Later capabilities (probe, storage, import) add their facts as optional fields, so a row
 * is always renderable from whatever is known so far.
 */
import type { MetadataPrefill } from './prefill'
import type { ProbeError, ProbeFacts, ProbeWarning } from './probe-facts'

export type { MediaKind } from './probe-facts'

/** A row's place in its life (ARCHITECTURE.md, "A row's life"). */
export type RowStatus =
  | 'scanned'
  | 'skipped'
  | 'unreadable'
  | 'probed'
  | 'uploading'
  | 'uploaded'
  | 'upload-failed'
  | 'submitting'
  | 'imported'
  | 'rejected'
  | 'conflict'
  /** The library already holds an entry with this file's content: neither uploaded nor submitted. */
  | 'in-library'

export interface Row extends ProbeFacts {
  /** Stable for the row's whole life; never shown to the server. */
  rowId: string
  /** Absolute path on this computer. */
  path: string
  /** Path from the drop root, starting with the dropped folder's own name, `/`-separated. */
  relativePath: string
  size: number
  mtimeMs: number
  status: RowStatus
  /** Why a row is skipped or unreadable, in words an editor can act on. */
  reason?: string
  /** Set once the server holds the entry; an imported row is read-only from then on. */
  result?: ImportedEntry
  /** Problems that hold the row back or that the server answered, pinned to fields. */
  issues?: FieldIssue[]
  /** The library already holds an entry with this row's `systemName`+`externalId` (or id). */
  conflict?: ImportConflict
  /** Status `in-library`: the entry that already holds this file's content (importer/content-identity.ts). */
  inLibrary?: AlreadyInLibrary
  /**
   * The row's externalId is the editor's own, and the library holds this content under another
   * identity: a warning naming that entry, not a block.
   */
  contentMatch?: AlreadyInLibrary
  /**
   * Values "Shorten" cut to their field's maxLength (core/editing/shorten-values.ts): field -> the
   * value it left and the length it had. The cell is marked "shortened" while it holds that value.
   */
  shortened?: Record<string, { value: string; from: number }>
  /** Set by "Import again as a new entry": the content identity gets this suffix, a new entry. */
  identitySuffix?: string
  /** Why the last submit did not settle the row; `retryable` rows go again on re-submit. */
  importFailure?: { reason: string; retryable: boolean }
  /** How many times this row's entry was sent; from the first attempt on its entry id is fixed. */
  submitAttempts?: number
  // Facts from probing (core/probe), absent until the row is probed: those of ProbeFacts, and these.
  warnings?: ProbeWarning[]
  /** Why probing failed; `canImportAsFile` lets the editor import the bytes as a plain file. */
  probeError?: ProbeError
  /** rowId of the byte-identical row found first in walk order. */
  duplicateOf?: string
  /** Thumbnail cache key (probe/thumbnails/thumbnail-url.ts builds the media-thumb: URL). */
  thumbnail?: string
  /** Why there is no thumbnail (the grid shows an icon, with the duration for videos). */
  thumbnailUnavailable?: string
  /** Media type handle and metadata as the editor's own upload would start them (core/prefill). */
  prefill?: MetadataPrefill
  // The entry and its assets (core/pipeline/import-pipeline.ts).
  /**
   * The Media Library entry this row becomes. Its id is generated when the row is created; the
   * media type and metadata start from the prefill when the row is probed; edits change it until
   * the row is imported, but `entry.id` never changes after the first submit attempt.
   */
  entry?: RowEntry
  /** The main asset's upload, as the storage engine last reported it. */
  upload?: AssetUpload
  /** locale -> a file that replaces the asset in that language (media types with translatable assets). */
  localeAssets?: Record<string, LocaleAsset>
  /** A correction of an imported row's metadata on its way to the library (core/updater). */
  update?: RowUpdate
}

/** One documented `PATCH /mediaLibrary/{id}` operation on metadata; `value: null` removes the property. */
export interface MetadataPatch {
  operation: 'setMetadataProperty'
  propertyName: string
  value: unknown
}

/**
 * An imported row whose metadata the editor corrected. `pending`: the entry differs from
 * `confirmed`; `sending`: a PATCH was journaled and may have reached the server (reconciled by a
 * GET before anything is sent again); `updated`: the library confirmed it; `failed`: see `error`.
 */
export interface RowUpdate {
  state: 'pending' | 'sending' | 'updated' | 'failed'
  /** The metadata the library holds as far as this row knows (what the import sent, or the last PATCH it confirmed). */
  confirmed: Record<string, unknown>
  /** Journaled before the PATCH goes out: what was sent, with the version it was sent against. */
  sent?: { version?: number; patches: MetadataPatch[] }
  /** Why the last update did not go through; `conflict`: the entry changed in Livingdocs meanwhile. */
  error?: { reason: string; field?: string; conflict?: boolean; retryable: boolean }
}

/** Where one asset is in its upload (core/storage). Once `uploaded`, key and url are the entry's asset. */
export interface AssetUpload {
  state: 'queued' | 'uploading' | 'paused' | 'uploaded' | 'failed' | 'cancelled'
  bytesSent: number
  bytesTotal: number
  /** While uploading. */
  bytesPerSecond?: number
  etaSeconds?: number
  bucket?: string
  key?: string
  url?: string
  etag?: string
  /** Why the upload failed, in words the editor can act on; retryable uploads go again on retry. */
  error?: { code: string; message: string; retryable: boolean }
}

/** A per-locale asset file: probed like a row's file, uploaded through the same engine. */
export interface LocaleAsset
  extends
    Required<Pick<ProbeFacts, 'kind' | 'mimeType' | 'extension'>>,
    Pick<ProbeFacts, 'sha256' | 'width' | 'height' | 'duration'> {
  path: string
  size: number
  mtimeMs: number
  upload?: AssetUpload
}

/** The Media Library entry a row became. */
export interface ImportedEntry {
  mediaId: string
  /** The entry as the server returned it (or as a lookup found it). */
  record: Record<string, unknown>
}

/** The library entry that already holds a row's content, and where it came from. */
export interface AlreadyInLibrary {
  mediaId: string
  /** When the entry was created (ISO), as the library says. */
  createdAt?: string
  /** The identity it was found under (`sha256-…`). */
  externalId?: string
  /** Plain words: its file name, the system that imported it, and where this was found. */
  origin: string
}

/** An existing library entry that collides with a row's entry. */
export interface ImportConflict {
  field: 'externalId' | 'id'
  existing: {
    mediaId: string
    mediaType?: string
    systemName?: string
    externalId?: string
    filename?: string
    createdAt?: string
  }
}

/** A problem pinned to one field of a row (ARCHITECTURE.md, "Validation before any request"). */
export interface FieldIssue {
  /** `metadata.title`, `translations.fr.metadata.title`, `externalId`, `id`, `mediaType`, `asset`, … */
  field: string
  message: string
  /** `client`: found before sending; `server`: the server answered it. */
  source: 'client' | 'server'
}

/** What an edit of a row's entry may change (a CSV line, a correction); `null` clears a value. */
export interface EntryEdit {
  id?: string
  mediaType?: string
  systemName?: string | null
  externalId?: string | null
  metadata?: Record<string, unknown>
  /** locale -> property -> value */
  translations?: Record<string, Record<string, unknown>>
}

/** What the editor edits: the Media Library entry this row becomes. */
export interface RowEntry {
  /** Custom entry id (`^[a-zA-Z0-9-]{1,32}$`), assigned at creation, fixed after the first submit attempt. */
  id: string
  /** Media type handle of the project. */
  mediaType?: string
  systemName?: string
  externalId?: string
  metadata: Record<string, unknown>
  /** locale -> translated metadata */
  translations: Record<string, { metadata: Record<string, unknown> }>
}
