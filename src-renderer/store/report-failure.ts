import { MediaImportError } from '../api'
import { useAppStore } from './app-store'

/**
 * Puts any failure in front of the editor, after what they were trying to do when `doing` is
 * given. A plain Error has no code, so it gets 'internal'.
 */
export function reportFailure(err: unknown, doing?: string): void {
  const code = err instanceof MediaImportError ? err.code : 'internal'
  const message = err instanceof Error ? err.message : String(err)
  useAppStore.getState().reportError(code, doing ? `${doing}: ${message}` : message)
}
