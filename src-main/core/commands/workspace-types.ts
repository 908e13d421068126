/**
 * The workspace shapes that cross IPC (contract.ts re-exports them), free of Node imports so the
 * renderer type-checks against them.
 */

/** The profile name of the embedded Sandbox (ARCHITECTURE.md, "The Sandbox"); saved profiles may not take it. */
export const SANDBOX_NAME = 'Sandbox'

/** One import session on this computer, as the session list shows it. */
export interface WorkspaceSession {
  /** The folder's name under the app's sessions folder. */
  id: string
  /** What the list calls it: the editor's name for it, else its folders ("shoot-07 + 2 more"), else its id. */
  name: string
  /** The editor named it (renameSession); false: `name` follows its folders. */
  named: boolean
  /** The folders (and files) dropped into it, in the order they came. */
  folders: string[]
  /** The profile it imports with ('Sandbox' for the embedded one); absent when unreadable. */
  profileName?: string
  createdAt: string
  /** Last write to the session, ms since the epoch. */
  updatedAtMs: number
  rows: number
  imported: number
  /** Rows not imported yet (and not skipped). */
  open: number
  failed: number
  /** Rows not all imported: worth reopening. */
  unfinished: boolean
  /** The session open in this window. */
  current: boolean
  /** Why it cannot be read (its counts are then 0). */
  problem?: string
  /**
   * Another process has it open (the CLI, another window): who, since when, e.g. "media-import
   * import, pid 1234 on host desk-1, since 19:02". It cannot be opened or deleted until that ends.
   */
  openElsewhere?: string
}
