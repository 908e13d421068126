/**
 * The workspace commands: the session list, open one, start a new one for a profile, delete one.
 * Part of every AppCore (handlers.ts); absent a workspace (the CLI, simple test hosts) they say so.
 */
import { z } from 'zod'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'
import type { Workspace } from './workspace'
import { SESSION_ID_PATTERN, SESSION_NAME_MAX } from './workspace-sessions'

const sessionId = z
  .string()
  .regex(SESSION_ID_PATTERN, 'expected a session id from the session list (letters, digits, ".", "_", "-")')
  .refine((id) => !id.includes('..'), 'expected a session id from the session list')

export const workspaceSchemas = {
  listSessions: z.undefined(),
  openSession: z.object({ id: sessionId, readOnly: z.boolean().optional() }).strict(),
  newSession: z.object({ profileName: z.string().min(1).max(200) }).strict(),
  deleteSession: z.object({ id: sessionId }).strict(),
  renameSession: z
    .object({
      id: sessionId,
      name: z.string().max(SESSION_NAME_MAX, `a session name of at most ${SESSION_NAME_MAX} characters`),
    })
    .strict(),
}

type WorkspaceCommands = 'listSessions' | 'openSession' | 'newSession' | 'deleteSession' | 'renameSession'

export function createWorkspaceHandlers(workspace: Workspace | undefined): Pick<Handlers, WorkspaceCommands> {
  const get = (): Workspace => {
    if (!workspace)
      throw new MediaImportError('no-workspace', 'This window keeps a single session and no session list.')
    return workspace
  }
  return {
    listSessions: async () => ({ sessions: await get().list() }),
    openSession: async ({ id, readOnly }) => get().openSession(id, { readOnly: readOnly === true }),
    newSession: async ({ profileName }) => get().newSession(profileName),
    deleteSession: async ({ id }) => ({ removed: await get().deleteSession(id) }),
    renameSession: async ({ id, name }) => ({ name: await get().renameSession(id, name) }),
  }
}
