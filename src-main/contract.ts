/**
 * The one IPC contract: every command the renderer may send and every event main emits.
 * Types only, plus the names as constants (kept in src-shared/contract/names.ts, checked here) so
 * the preload can build one purpose-built method per command without importing anything else.
 * The payload schemas that main validates with live in `core/commands/command-schemas.ts` and are
 * type-checked against this file.
 * The renderer imports this file with `import type` only.
 */
import type { FindOptions } from './core/editing/find-replace'
import type { BulkMode, CellEdit } from './core/editing/plan-edits'
import type {
  CsvApplied,
  CsvPreview,
  EditOutcome,
  ExportAnswer,
  FindOutcome,
  PasteOutcome,
} from './core/editing/edit-outcome'
import type { ProjectModel } from './core/model/livingdocs'
import type { Profile } from './core/profile/profile-schema'
import type { ConnectionReport, ProfileSecrets, ProfileSummary, SavedProfile } from './core/profile/profile-types'
import type { SubmitReport } from './core/importer/submit-report'
import type { LinkedPushPreview, UpdateReport } from './core/updater/types'
import type { RowActionReport } from './core/model/row-action-report'
import type { UploadProgress } from './core/storage/types'
import type { WorkspaceSession } from './core/commands/workspace-types'
import type { Template, TemplateList } from './core/templates/template-schema'
import type {
  AppInfo,
  FolderListing,
  HistoryState,
  LocaleAssetAnswer,
  ScanProgress,
  SessionPatch,
  SessionSnapshot,
  SnapshotRequest,
} from './core/model/session-shapes'
import { commandNames, eventNames } from '../src-shared/contract/names'

export type { Row, RowStatus, MediaKind, FieldIssue, RowEntry } from './core/model/row'
export type { ProjectModel, MediaTypeModel, PropertyModel } from './core/model/livingdocs'
export type { BulkMode, CellEdit, CellValue } from './core/editing/plan-edits'
export type {
  CsvApplied,
  CsvChange,
  CsvPreview,
  EditOutcome,
  ExportAnswer,
  FindOutcome,
  PasteOutcome,
} from './core/editing/edit-outcome'
export type { FindOptions } from './core/editing/find-replace'
export type { SubmitReport } from './core/importer/submit-report'
export type { LinkedFieldChange, LinkedPushPreview, UpdateFailure, UpdateReport } from './core/updater/types'
export type { UploadProgress } from './core/storage/types'
export type { RowActionReport, RowActionResult } from './core/model/row-action-report'
export type { Profile } from './core/profile/profile-schema'
export type {
  ConnectionCheck,
  ConnectionReport,
  ProfileSecrets,
  ProfileSummary,
  SavedProfile,
} from './core/profile/profile-types'
export type { WorkspaceSession } from './core/commands/workspace-types'
export type {
  AppInfo,
  FolderListing,
  HistoryState,
  LocaleAssetAnswer,
  ScanProgress,
  SessionPatch,
  SessionSnapshot,
  SnapshotRequest,
} from './core/model/session-shapes'
export type { Template, TemplateField, TemplateList } from './core/templates/template-schema'

/** command name -> [argument, result] */
export interface Commands {
  getAppInfo: [undefined, AppInfo]
  getSnapshot: [SnapshotRequest, SessionSnapshot]
  /** Paths dropped onto the window (absolute, as the preload resolved them). */
  addPaths: [{ paths: string[] }, { scanId: string }]
  /** Opens the system folder picker; resolves with what the editor chose (may be empty). */
  pickPaths: [{ kind: 'folders' | 'files' }, { paths: string[] }]
  /** The browser's folder chooser: a folder's subfolders (home when no path); other hosts refuse it. */
  listFolders: [{ path?: string }, FolderListing]
  cancelScan: [{ scanId: string }, { cancelled: boolean }]
  clearRows: [undefined, { removed: number }]
  // Editing (core/editing): each edit answers with what changed; the rows arrive as a sessionPatch.
  /** The project's media types, properties and languages (the grid's columns); null until known. */
  getProject: [undefined, ProjectModel | null]
  /** Cells typed in; text may hold variables ({filename}, {seq}…). */
  editCells: [{ edits: CellEdit[] }, EditOutcome]
  /** One column of many rows: Replace, Append or Clear. */
  bulkEdit: [{ rowIds: string[]; field: string; mode: BulkMode; value: CellEdit['value'] }, EditOutcome]
  /** The first row's values in these fields go to every other row given. */
  fillDown: [{ rowIds: string[]; fields: string[] }, EditOutcome]
  /** Tab-separated text pasted at the active cell: text row i -> rowIds[i], column j -> fields[j]. */
  pasteCells: [{ rowIds: string[]; fields: string[]; text: string }, PasteOutcome]
  /** Counts matches (`preview`) or replaces them. */
  findReplace: [FindOptions & { rowIds: string[]; fields: string[]; preview: boolean }, FindOutcome]
  undo: [undefined, EditOutcome]
  redo: [undefined, EditOutcome]
  getEditHistory: [undefined, HistoryState]
  /** A metadata CSV keyed by relative path: every cell that would change, before anything does. */
  previewMetadataCsv: [{ text: string }, CsvPreview]
  /** Applies the same CSV as one undoable step. */
  applyMetadataCsv: [{ text: string }, CsvApplied]
  /** Path, entry id, media id, status and errors per file, to a file the editor chooses (or to download). */
  exportResults: [{ format: 'csv' | 'json' }, ExportAnswer]
  // Templates (core/templates): named field values with a mode each, kept per profile.
  listTemplates: [undefined, TemplateList]
  /** Saves a template (replacing `previousName` when renamed); answers the profile's list. */
  saveTemplate: [{ template: Template; previousName?: string }, TemplateList]
  deleteTemplate: [{ name: string }, TemplateList]
  /** The template's fields on these rows, each with its mode, as one undoable step. */
  applyTemplate: [{ name: string; rowIds: string[] }, EditOutcome]
  // Import (core/importer): rows upload by themselves once probed; outcomes arrive as a sessionPatch.
  /** Validates and sends the rows not imported yet (all, or those given); answers the counts. */
  submit: [{ rowIds?: string[] }, SubmitReport]
  /** Sends again only the rows already tried and not imported, with their entry ids unchanged. */
  resubmitFailed: [undefined, SubmitReport]
  /** A linked row: the fields its metadata would change in the library's entry (looked up first). */
  previewLinkedPush: [{ rowId: string }, LinkedPushPreview]
  /** Pushes linked rows' metadata to their library entries (PATCH with the entry's version). */
  pushLinkedMetadata: [{ rowIds: string[] }, UpdateReport]
  // A row's file per language (core/commands/locale-asset-handlers.ts); media types whose asset is translatable.
  /** Opens the system file picker for this row's file in `locale`, then sets it (path null: cancelled). */
  pickLocaleAsset: [{ rowId: string; locale: string }, LocaleAssetAnswer]
  /** A file the editor picked or dropped becomes the row's file in `locale` (probed, then uploaded). */
  setLocaleAsset: [{ rowId: string; locale: string; path: string }, LocaleAssetAnswer]
  clearLocaleAsset: [{ rowId: string; locale: string }, LocaleAssetAnswer]
  /** Conflict rows take the library's existing entry as theirs (imported, linked); nothing is sent. */
  linkToExisting: [{ rowIds: string[] }, RowActionReport]
  /** Damaged images/videos become file rows (the problem kept as a warning) and upload. */
  importAsFile: [{ rowIds: string[] }, RowActionReport]
  /** Text values longer than their field allows are cut at a word ("…"), as one undoable edit. */
  shortenValues: [{ rowIds: string[] }, RowActionReport]
  /** Rows "Already in the library" get a new content identity and go again as new entries. */
  importAgain: [{ rowIds: string[] }, RowActionReport]
  /** Opens an imported entry in the Livingdocs editor; main builds the URL from the profile. */
  openInEditor: [{ mediaId: string }, { url: string; opened: boolean; message?: string }]
  /**
   * A video's poster frame the window drew (a PNG/JPEG/WebP data URL) where ffmpeg is missing;
   * stored only for a probed video row without a thumbnail (core/commands/poster-frame-handlers.ts).
   */
  storePosterFrame: [{ rowId: string; image: string }, { stored: boolean; message?: string }]
  // Support
  /** Opens the folder of the app's log files in the system file manager; answers its path. */
  revealLogs: [undefined, { path: string }]
  // Profiles (core/profile): named environments besides the Sandbox. Secrets go in, never out.
  /** Every saved profile, with whether its token and keys are saved (never their values). */
  listProfiles: [undefined, { profiles: ProfileSummary[] }]
  /** Saves a profile (replacing `previousName` when renamed); secrets: absent keeps, '' removes. */
  saveProfile: [{ profile: Profile; secrets?: ProfileSecrets; previousName?: string }, SavedProfile]
  deleteProfile: [{ name: string }, { removed: boolean }]
  /** Reads the project config and checks each bucket; one check per item, with what to do. */
  testProfile: [{ name: string }, ConnectionReport]
  // Workspace (core/commands/workspace.ts): the session open in this window and the others on this computer.
  /** Every session folder, newest first, with its profile, counts and whether it is unfinished. */
  listSessions: [undefined, { sessions: WorkspaceSession[] }]
  /**
   * Closes the open session (saved, uploads paused) and opens this one with the profile it remembers.
   * `readOnly` with a session another process holds: its rows are shown, nothing can be changed or sent.
   */
  openSession: [{ id: string; readOnly?: boolean }, AppInfo]
  /** Starts a new session with a profile ('Sandbox' for the embedded one). */
  newSession: [{ profileName: string }, AppInfo]
  /** Removes a session folder; refused for the open one. */
  deleteSession: [{ id: string }, { removed: boolean }]
  /** Names a session (kept in its meta); an empty name goes back to naming it after its folders. */
  renameSession: [{ id: string; name: string }, { name: string }]
  // Uploads (core/commands/upload-handlers.ts): rows upload by themselves; the editor can hold them.
  /** Stops every upload (finished parts are kept) and starts none until resumed. */
  pauseUploads: [undefined, UploadProgress]
  resumeUploads: [undefined, UploadProgress]
  /** Cancels the uploads of these rows (all when none given); multipart uploads are aborted on the server. */
  cancelUploads: [{ rowIds?: string[] }, { cancelled: number }]
  /** Uploads failed or cancelled rows again: an unchanged file continues, a changed one starts over. */
  retryUploads: [{ rowIds: string[] }, { retried: number }]
  getUploadProgress: [undefined, UploadProgress]
}

/** event name -> payload */
export interface Events {
  sessionPatch: SessionPatch
  scanProgress: ScanProgress
  /** Another session is open: reload the snapshot, the project and the app info. */
  workspaceChanged: AppInfo
  /** Total upload progress (bytes, speed, ETA, files), at most 5 a second. */
  uploadProgress: UploadProgress
}

export type CommandName = keyof Commands
export type CommandArg<K extends CommandName> = Commands[K][0]
export type CommandResult<K extends CommandName> = Commands[K][1]
export type EventName = keyof Events

export { commandNames, eventNames }

type Missing<All, Listed> = Exclude<All, Listed>
// Fails to compile if a command or event is declared above but not listed, or listed but not declared.
const allCommandsListed: Missing<CommandName, (typeof commandNames)[number]> extends never ? true : never = true
const allEventsListed: Missing<EventName, (typeof eventNames)[number]> extends never ? true : never = true
const noCommandUndeclared: Missing<(typeof commandNames)[number], CommandName> extends never ? true : never = true
const noEventUndeclared: Missing<(typeof eventNames)[number], EventName> extends never ? true : never = true
void allCommandsListed
void allEventsListed
void noCommandUndeclared
void noEventUndeclared

/** Errors cross IPC as data and become `MediaImportError` again on the renderer side. */
export interface IpcError {
  code: string
  message: string
  /** Which row and field it concerns, where it concerns one. */
  rowId?: string
  field?: string
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ipcChannel = (name: CommandName): string => `media-import:${name}`
export const eventChannel = (name: EventName): string => `media-import:event:${name}`
/**
 * Not a command and not on the bridge: the preload tells main the path of each file the editor
 * really dropped (webUtils resolves no other File), so main scans only dropped or picked paths.
 */
export const droppedPathChannel = 'media-import:internal:dropped-path'

/**
 * What the preload exposes as `window.mediaImport`, derived from the contract. Methods answer
 * with an `IpcResult` (errors as data); `src-renderer/api.ts` unwraps them into typed errors.
 */
export type MediaImportBridge = {
  [K in CommandName]: CommandArg<K> extends undefined
    ? () => Promise<IpcResult<CommandResult<K>>>
    : (arg: CommandArg<K>) => Promise<IpcResult<CommandResult<K>>>
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Absolute path of a dropped File (Electron's webUtils; the test bridge maps names). */
  pathForFile(file: File): string
}
