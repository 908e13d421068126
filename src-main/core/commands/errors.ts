import type { IpcError } from '../../contract'

/** An error meant for the editor: a stable code plus a message that says what to do. */
export class MediaImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { rowId?: string; field?: string } = {},
  ) {
    super(message)
    this.name = 'MediaImportError'
  }
}

/** Turns anything thrown by a handler into data that survives the IPC trip. */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof MediaImportError) return { code: err.code, message: err.message, ...err.details }
  if (err instanceof Error) return { code: 'internal', message: err.message }
  return { code: 'internal', message: String(err) }
}
