/**
 * A session another process holds, as the window may look at it: read from its folder (snapshot and
 * journal replayed in memory, session/persistence/read-session.ts), no lock taken, nothing written.
 * Its AppInfo carries the notice that names the holder; read-only-handlers.ts refuses every change.
 */
import { join } from 'node:path'
import type { AppInfo } from '../../contract'
import { readSessionFolder } from '../session/persistence/read-session'
import { MediaImportError } from './errors'
import type { ReadOnlyView, WorkspaceOptions } from './workspace-shapes'
import { SANDBOX_NAME } from './workspace-types'

export async function loadReadOnlyView(
  options: Pick<WorkspaceOptions, 'sessionsDir' | 'version'>,
  id: string,
  profileName: string,
  holder: string,
): Promise<ReadOnlyView> {
  let read: Awaited<ReturnType<typeof readSessionFolder>>
  try {
    read = await readSessionFolder(join(options.sessionsDir, id))
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new MediaImportError('session-unreadable', `Session "${id}" cannot be read: ${reason}`)
  }
  const appInfo: AppInfo & { readOnly: string } = {
    version: options.version,
    mode: profileName === SANDBOX_NAME ? 'sandbox' : 'profile',
    profileName,
    livingdocsUrl: read.meta.profile?.livingdocsUrl ?? '',
    sessionId: id,
    sessionCreatedAt: read.meta.createdAt,
    // Its name, as the editor gave it (the handlers name it after its rows otherwise).
    ...(read.meta.name ? { sessionName: read.meta.name } : {}),
    readOnly: `Read-only: this import is open in ${holder}; nothing here can be changed or sent.`,
  }
  return { id, profileName, session: read.session, appInfo }
}
