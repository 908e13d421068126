/**
 * The parts a row is made of, besides its probe facts: its entry, uploads, library answers and
 * issues. Types only; `row.ts` composes them into the `Row` union and re-exports them.
 */
import type { ProbeFacts } from './probe-facts'

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
