/**
 * Commands that help an editor get help: "Reveal logs" opens the log folder in the system file
 * manager. The host does the opening (Electron's shell); a host without one says so.
 */
import { z } from 'zod'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

export const supportSchemas = {
  revealLogs: z.undefined(),
}

/** Opens the log folder; resolves with its path. */
export type RevealLogs = () => Promise<string>

export function createSupportHandlers(revealLogs: RevealLogs | undefined): Pick<Handlers, 'revealLogs'> {
  return {
    revealLogs: async () => {
      if (!revealLogs)
        throw new MediaImportError(
          'unavailable',
          'This window cannot open folders; the logs are in the app data folder.',
        )
      try {
        return { path: await revealLogs() }
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err)
        throw new MediaImportError('reveal-failed', `The log folder could not be opened: ${why}`)
      }
    },
  }
}
