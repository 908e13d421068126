/**
 * The shapes the contract's session, scan and folder commands and events carry: `contract.ts`
 * re-exports them, so that file stays the list of commands. Types only.
 */
import type { Row } from './row'

/** What the window shows of where it works (getAppInfo; workspaceChanged carries it again). */
export interface AppInfo {
  version: string
  /** `sandbox`: everything runs on this computer; `profile`: a real Livingdocs server. */
  mode: 'sandbox' | 'profile'
  profileName: string
  livingdocsUrl: string
  /** The profile's Livingdocs editor URL template with `{mediaId}`; absent: no editor links. */
  editorUrl?: string
  /** The import session open in this window (its folder name), and when it was started. */
  sessionId?: string
  sessionCreatedAt?: string
  /**
   * The session's name as the editor sees it (src-shared/session/session-name.ts): theirs, or
   * what was dropped first and when ("Harbour shoot · 7 Dec 23:11"); worked out at each getAppInfo.
   */
  sessionName?: string
  /**
   * Set while the session is only looked at (another process has it open): the notice to show,
   * naming the holder. Every command that would change or send something is refused with it.
   */
  readOnly?: string
}

/** What the Undo and Redo buttons show (core/editing/undo-stack.ts computes it). */
export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  undoLabel?: string
  redoLabel?: string
}

export interface SessionSnapshot {
  sessionId: string
  rows: Row[]
  /** Set when asked for a page (core/commands/snapshot-pages.ts): which rows of how many these are. */
  page?: { snapshotId: number; from: number; total: number }
}

/** Absent: every row at once. `limit` alone takes a snapshot and answers its first page. */
export type SnapshotRequest = { limit: number; snapshotId?: number; from?: number } | undefined

export interface SessionPatch {
  /** Rows added or changed, whole. */
  upsert: Row[]
  /** Row ids removed. */
  remove: string[]
}

export interface ScanProgress {
  scanId: string
  state: 'running' | 'done' | 'failed' | 'cancelled'
  files: number
  skipped: number
  errors: number
  message?: string
  /** Files probed so far (kind, size, metadata known); the scan is done when all are. */
  probed?: number
  /** Skipped entries per reason code (os-file, hidden, sidecar, hidden-folder, symlink-loop…). */
  skippedByReason?: Record<string, number>
  /** Files the session already has a row for (the same path dropped again): nothing was added for them. */
  alreadyInImport?: number
}

/** A row's file in one language after a command: its path, or null when there is none (cleared, picker cancelled). */
export interface LocaleAssetAnswer {
  rowId: string
  locale: string
  path: string | null
  /** The undo history after the change (a file chosen or cleared is one undoable step). */
  history?: HistoryState
}

/** One folder's subfolders, for the browser's folder chooser (`media-import ui`; no system picker there). */
export interface FolderListing {
  /** The folder listed (absolute). */
  path: string
  /** Its parent, or null at the top of the file system. */
  parent: string | null
  /** Its subfolders, by name; hidden ones (a leading dot) are left out. */
  folders: Array<{ name: string; path: string }>
  /** True when there were more subfolders than are listed. */
  truncated: boolean
}
