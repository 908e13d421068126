/**
 * The handler table over a session looked at read-only (another process has it open, issue #15):
 * only the commands that read go through; every other one (edits, scans, submit, uploads, row
 * actions, CSV import, clear…) is refused with the reason, so nothing is changed or sent.
 * Workspace commands stay: the editor can still list, open, rename or delete other sessions.
 */
import type { CommandName } from '../../contract'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

export const READ_ONLY_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'getAppInfo',
  'getSnapshot',
  'getProject',
  'getEditHistory',
  'listFolders',
  'exportResults',
  'openInEditor',
  'revealLogs',
  // Profiles are the app's settings, not the session's.
  'listProfiles',
  'saveProfile',
  'deleteProfile',
  'testProfile',
  // So are templates; applying one edits the session, and is refused.
  'listTemplates',
  'saveTemplate',
  'deleteTemplate',
  // Renaming or deleting the session looked at is refused by its lock, like any held session.
  'listSessions',
  'openSession',
  'newSession',
  'deleteSession',
  'renameSession',
  'getUploadProgress',
])

export function readOnlyHandlers(handlers: Handlers, reason: string): Handlers {
  const guarded: Record<string, (arg: unknown) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers) as [CommandName, (arg: unknown) => Promise<unknown>][]) {
    guarded[name] = READ_ONLY_COMMANDS.has(name)
      ? handler
      : async () => {
          throw new MediaImportError('session-read-only', reason)
        }
  }
  return guarded as Handlers
}
