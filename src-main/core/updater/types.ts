/**
 * The updater's answers as the window sees them (through src-main/contract.ts): types only, so
 * the renderer's build never follows them into code that needs Node.
 */

export interface UpdateFailure {
  rowId: string
  relativePath: string
  reason: string
  conflict: boolean
}

export interface UpdateReport {
  updated: number
  failed: UpdateFailure[]
  /** Set when the run stopped early (token, API version, cancel): what to do. */
  stopped?: string
}

export interface LinkedFieldChange {
  field: string
  /** What the library's entry holds now (undefined: nothing). */
  library: unknown
  /** What the row would put there. */
  row: unknown
}

export interface LinkedPushPreview {
  rowId: string
  mediaId: string
  changes: LinkedFieldChange[]
  /** The entry's version the changes were read from: the push sends against it (a change since: 409). */
  version?: number
}
