/**
 * What the workspace does to a session folder it does not have open: delete it, or rename it by
 * opening it for the moment that takes. Both are refused while another process holds the folder's
 * lock (`core/session/lock`), with the way out in words.
 */
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { withName } from '../pipeline/import-session'
import { holderText } from '../session/lock/lock-holder'
import { acquireSessionLock, sessionLockHolder } from '../session/lock/session-lock'
import { openSessionFolder } from '../session/persistence/open-session'
import { SNAPSHOT_FILE } from '../session/persistence/session-files'
import { MediaImportError } from './errors'
import { sessionLocked } from './workspace-sessions'

/** Throws `session-locked` while another process holds the session in `dir`. */
export async function refuseIfLocked(dir: string, id: string, action: string): Promise<void> {
  const holder = await sessionLockHolder(dir)
  if (holder) throw sessionLocked(id, holderText(holder), action)
}

/** Deletes the session folder `dir`; false when it holds no session. */
export async function deleteSessionFolder(dir: string, id: string): Promise<boolean> {
  const isSession = await stat(join(dir, SNAPSHOT_FILE)).then(
    () => true,
    () => false,
  )
  if (!isSession) return false
  await refuseIfLocked(dir, id, 'delete it')
  await rm(dir, { recursive: true, force: true })
  return true
}

/** Journals `name` as the session's name in `dir`, holding its lock meanwhile. */
export async function renameSessionFolder(dir: string, id: string, name: string): Promise<void> {
  await refuseIfLocked(dir, id, 'rename it')
  const lock = await acquireSessionLock(dir, { by: 'the Media Importer app' })
  try {
    const opened = await openSessionFolder(dir, { mustExist: true })
    opened.store.setMeta(withName(opened.store.meta, name))
    await opened.close()
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new MediaImportError('session-unreadable', `Session "${id}" cannot be renamed: ${reason}`)
  } finally {
    await lock.release()
  }
}
