/** The CLI's exit codes, the same for every command (scripts branch on them). */
export const exitCodes = {
  ok: 0,
  /** The command ran, but some rows (files) failed. */
  rowsFailed: 1,
  /** Bad arguments, a missing path, an unusable profile: nothing was done. */
  usage: 2,
} as const

/** Thrown for anything the user must fix before the command can run; printed without a stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` to point at. */
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}
