/**
 * Where `media-import import` keeps a session when `--session` is not given: a new folder per run
 * beside the Sandbox data, named by its start time so `ls` lists runs in order.
 */
import { randomBytes } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { LOCK_FILE } from '../core/session/lock/session-lock'
import { SNAPSHOT_FILE } from '../core/session/persistence/session-files'
import { defaultSandboxDataDir } from './data-dir'
import { UsageError } from './exit-codes'

export function defaultSessionsDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  return join(dirname(defaultSandboxDataDir(env, home)), 'sessions')
}

const two = (n: number): string => String(n).padStart(2, '0')

/** `20260131-142501-3f9a`: local time of the start, plus a few random characters. */
export function newSessionName(now: Date, suffix = randomBytes(2).toString('hex')): string {
  const day = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`
  return `${day}-${time}-${suffix}`
}

/**
 * A `--session` folder must be a session, or new, or empty: a session file must never land in a
 * folder of photos given here by mistake.
 */
export async function checkSessionFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined)
  if (!info) return
  if (!info.isDirectory()) throw new UsageError(`--session ${dir} is a file; give a folder.`, 'import')
  // A lock alone: another run is creating this session right now; taking the lock will say so.
  const names = (await readdir(dir)).filter((name) => name !== LOCK_FILE)
  if (names.length > 0 && !names.includes(SNAPSHOT_FILE)) {
    throw new UsageError(
      `--session ${dir} is not a session folder (no ${SNAPSHOT_FILE}) and not empty; give a new or empty folder.`,
      'import',
    )
  }
}
