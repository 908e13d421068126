/**
 * A grid row: one file the editor dropped. Main owns rows; the renderer mirrors them.
 * `Row` is a union on `status`: the status decides which fields a row has (ARCHITECTURE.md,
 * "Which fields a row has, by status"). A field the status requires is required in its type, a
 * field that cannot exist in that status is typed `?: never`, so code learns what a row holds
 * by checking `status`, not by guessing from `row.result` or `row.upload?.`.
 */
import type { MetadataPrefill } from './prefill'
import type { ProbeError, ProbeFacts, ProbeWarning } from './probe-facts'
import type {
  AlreadyInLibrary,
  AssetUpload,
  FieldIssue,
  ImportConflict,
  ImportedEntry,
  LocaleAsset,
  RowEntry,
  RowUpdate,
} from './row-parts'

export type { MediaKind } from './probe-facts'
export type * from './row-parts'

/** A row's place in its life (ARCHITECTURE.md, "A row's life"). */
export type RowStatus = Row['status']

/** What every row holds, or may hold, whatever its status. */
interface RowBase {
  /** Stable for the row's whole life; never shown to the server. */
  rowId: string
  /** Absolute path on this computer. */
  path: string
  /** Path from the drop root, starting with the dropped folder's own name, `/`-separated. */
  relativePath: string
  size: number
  mtimeMs: number
  /**
   * The Media Library entry this row becomes. Its id is generated when the row is created; the
   * media type and metadata start from the prefill when the row is probed; edits change it until
   * the row is imported, but `entry.id` never changes after the first submit attempt. Absent on a
   * skipped row (hidden and OS files are not meant to become entries).
   */
  entry?: RowEntry
  /** Problems that hold the row back or that the server answered, pinned to fields. */
  issues?: FieldIssue[]
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
}

/**
 * What the probe left on a row (core/probe: the facts of ProbeFacts, and these) and what its
 * upload and submits add (core/pipeline/import-pipeline.ts). A row that was never probed
 * (`scanned`, `skipped`) holds none of them.
 */
export interface ProbedFields extends ProbeFacts {
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
  /** The main asset's upload, as the storage engine last reported it. */
  upload?: AssetUpload
  /** locale -> a file that replaces the asset in that language (media types with translatable assets). */
  localeAssets?: Record<string, LocaleAsset>
  /** How many times this row's entry was sent; from the first attempt on its entry id is fixed. */
  submitAttempts?: number
  /** Why the last submit did not settle the row; `retryable` rows go again on re-submit. */
  importFailure?: { reason: string; retryable: boolean }
}

/** The fields one status owns: absent (`?: never`) in every other status, and mostly required in their own. */
interface StatusOwned {
  /** `skipped`, `unreadable`: why, in words an editor can act on. */
  reason: string
  /** `conflict`: the library entry that holds this row's `systemName`+`externalId` (or id). */
  conflict: ImportConflict
  /** `in-library`: the entry that already holds this file's content (importer/content-identity.ts). */
  inLibrary: AlreadyInLibrary
  /** `imported`: the entry the server holds; an imported row is read-only from then on. */
  result: ImportedEntry
  /** `imported`, once the editor corrects it: the correction on its way to the library (core/updater). */
  update: RowUpdate
}

/** The status-owned fields other than `K`, declared absent. */
type OwnedElsewhere<K extends keyof StatusOwned = never> = { [P in Exclude<keyof StatusOwned, K>]?: never }
/** Nothing probed: the probe's fields declared absent. */
type NotProbed = { [P in keyof ProbedFields]?: never }

/** Found by the walk, waiting for its probe. */
export interface ScannedRow extends RowBase, NotProbed, OwnedElsewhere {
  status: 'scanned'
}

/** Left out by the walk (hidden, OS file, link outside the drop, loop); shown on request. */
export interface SkippedRow extends RowBase, NotProbed, OwnedElsewhere<'reason'> {
  status: 'skipped'
  reason: string
}

/** The walk or the probe could not read it; `probeError` when the probe named the problem. */
export interface UnreadableRow extends RowBase, ProbedFields, OwnedElsewhere<'reason'> {
  status: 'unreadable'
  reason: string
}

/** Probed (or imported as a file, or to be imported again): its bytes wait for the upload engine. */
export interface ProbedRow extends RowBase, ProbedFields, OwnedElsewhere {
  status: 'probed'
}

/** The engine has reported on its bytes: sending them, done, or failed (`upload.error`). */
export interface UploadRow extends RowBase, ProbedFields, OwnedElsewhere {
  status: 'uploading' | 'uploaded' | 'upload-failed'
  upload: AssetUpload
}

/** An attempt is journaled and the answer is awaited: its asset is uploaded, its entry id fixed. */
export interface SubmittingRow extends RowBase, ProbedFields, OwnedElsewhere {
  status: 'submitting'
  upload: AssetUpload
}

/** The server refused the entry; `issues` say why, pinned to fields. */
export interface RejectedRow extends RowBase, ProbedFields, OwnedElsewhere {
  status: 'rejected'
}

/**
 * Another library entry holds this row's externalId or id (`conflict`). Once the editor changes
 * the value the conflict was about, `conflict` is dropped and the row keeps its status until it is
 * sent again (editing/session-editor.ts): no conflict left to resolve, nothing to link to.
 */
export interface ConflictRow extends RowBase, ProbedFields, OwnedElsewhere<'conflict'> {
  status: 'conflict'
  conflict?: ImportConflict
}

/** The library already holds an entry with this file's content: neither uploaded nor submitted. */
export interface InLibraryRow extends RowBase, ProbedFields, OwnedElsewhere<'inLibrary'> {
  status: 'in-library'
  inLibrary: AlreadyInLibrary
}

/** The server holds the entry (`result`); read-only from now on, but for corrections (`update`). */
export interface ImportedRow extends RowBase, ProbedFields, OwnedElsewhere<'result' | 'update'> {
  status: 'imported'
  result: ImportedEntry
  update?: RowUpdate
}

export type Row =
  | ScannedRow
  | SkippedRow
  | UnreadableRow
  | ProbedRow
  | UploadRow
  | SubmittingRow
  | RejectedRow
  | ConflictRow
  | InLibraryRow
  | ImportedRow

/** The row type of one status: `RowIn<'imported'>` is `ImportedRow`. */
export type RowIn<S extends RowStatus> = Extract<Row, { status: S }>

/**
 * A change to one row (`Session.updateRow`): part of one status's shape, so a change that moves a
 * row to `imported` may carry `result` but never `conflict`. Whether the row it makes is whole
 * (every field its status requires) is checked when it is applied (`src-shared/rows/row-shape.ts`).
 */
export type RowChange = Row extends infer R ? (R extends Row ? Partial<Omit<R, 'rowId'>> : never) : never

/** Every field any status may hold, each optional: for code that reads rows of any status generically. */
export type AnyRowFields = Omit<RowBase, 'rowId'> & ProbedFields & Partial<StatusOwned> & { status?: RowStatus }
