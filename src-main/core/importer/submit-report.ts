/** What a submit answers (types only, free of Node: the contract and the renderer read it). */
export interface SubmitReport {
  /** Rows that were candidates (not imported, not busy). */
  considered: number
  imported: number
  rejected: number
  conflicts: number
  failed: number
  /** Rows whose content the library already held (sent under their content identity): not created again. */
  inLibrary: number
  /** Not sent: client validation found issues (now on the rows), e.g. an upload not done yet. */
  heldBack: number
  /** The run stopped early (auth, API version, cancel, pre-flight failure): what to do. */
  stopped?: { kind: string; message: string }
  /** Rows from an interrupted run that could not be checked, so they were not sent. */
  unconfirmed: number
  /** Imported rows whose metadata corrections the library confirmed by PATCH (core/updater). */
  updated?: number
  /** Imported rows whose correction failed (a conflict, a refusal; the reason is on the row). */
  updateFailed?: number
}
