/**
 * One owner per session: a lock file in the session folder, held while a process has the session
 * open, so two imports can never drive the same rows (two `import --session S` at once would
 * import every file twice). Created atomically with O_EXCL ('wx'); a lock whose process is gone
 * (checked by pid, on this computer only: lock-holder.ts) is taken over. Released on close, and on
 * exit for anything still held; a process killed outright leaves a lock the next one takes over.
 */
import { readFileSync, unlinkSync } from 'node:fs'
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { judgeLock, lockedMessage, parseHolder, processIsAlive, type Here, type LockHolder } from './lock-holder'

export const LOCK_FILE = 'session.lock'

/** A lock file still being written (or written by something else) counts as held this long. */
const FRESH_MS = 10_000

export class SessionLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
    message: string,
  ) {
    super(message)
    this.name = 'SessionLockedError'
  }
}

export interface SessionLock {
  readonly file: string
  /** Removes the lock file if it is still this one; safe to call twice. */
  release(): Promise<void>
}

export interface LockOptions {
  /** Written into the lock, for the message another process shows ("media-import import"). */
  by?: string
  now?: () => Date
  // For tests: another process or computer.
  pid?: number
  host?: string
  isAlive?: (pid: number) => boolean
}

/** Lock files this process holds, with their exact contents: released on exit. */
const held = new Map<string, string>()
let exitHook = false

function releaseAllOnExit(): void {
  for (const [file, text] of held) {
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file)
    } catch {
      /* gone already */
    }
  }
  held.clear()
}

const hereOf = (options: LockOptions): Here => ({ pid: options.pid ?? process.pid, host: options.host ?? hostname() })

async function readLock(file: string): Promise<{ text: string; holder?: LockHolder; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
    const holder = parseHolder(text)
    return { text, ...(holder ? { holder } : {}), ageMs: Date.now() - info.mtimeMs }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

/** Who holds the session in `dir` now (a live process, or another computer); undefined: nobody. */
export async function sessionLockHolder(dir: string, options: LockOptions = {}): Promise<LockHolder | undefined> {
  const file = join(dir, LOCK_FILE)
  const found = await readLock(file).catch(() => undefined)
  if (!found?.holder) return undefined
  const verdict = judgeLock(found.holder, hereOf(options), options.isAlive ?? processIsAlive, held.has(file))
  return verdict === 'held' ? found.holder : undefined
}

async function tryCreate(file: string, text: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o600)
    try {
      await handle.writeFile(text)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
}

/**
 * Moves a stale lock aside. Another process may have taken it over since it was read: then the file
 * moved is that one's live lock, and it is put back (link fails rather than overwrite).
 */
async function takeOver(file: string, staleText: string, here: Here): Promise<void> {
  const aside = `${file}.${here.pid}.${Date.now()}.stale`
  try {
    await rename(file, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleText)
  if (moved !== staleText) await link(aside, file).catch(() => undefined)
  await unlink(aside).catch(() => undefined)
}

/** Takes the session in `dir` (which must exist) for this process, or throws SessionLockedError. */
export async function acquireSessionLock(dir: string, options: LockOptions = {}): Promise<SessionLock> {
  const file = join(dir, LOCK_FILE)
  const here = hereOf(options)
  const now = options.now ?? (() => new Date())
  const mine: LockHolder = {
    pid: here.pid,
    host: here.host,
    startedAt: now().toISOString(),
    ...(options.by ? { by: options.by } : {}),
  }
  const text = `${JSON.stringify(mine)}\n`
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(file, text)) {
      held.set(file, text)
      if (!exitHook) {
        exitHook = true
        process.once('exit', releaseAllOnExit)
      }
      return {
        file,
        release: async () => {
          if (held.get(file) !== text) return
          held.delete(file)
          const still = await readFile(file, 'utf8').catch(() => undefined)
          if (still === text) await unlink(file).catch(() => undefined)
        },
      }
    }
    const found = await readLock(file)
    if (!found) continue
    if (!found.holder) {
      // Being written right now, or not ours to judge yet: wait for it to be complete or old.
      if (found.ageMs < FRESH_MS) {
        const unknown: LockHolder = {
          pid: 0,
          host: 'unknown',
          startedAt: new Date(Date.now() - found.ageMs).toISOString(),
        }
        throw new SessionLockedError(dir, unknown, lockedMessage(unknown, here, file, now()))
      }
      await takeOver(file, found.text, here)
      continue
    }
    const verdict = judgeLock(found.holder, here, options.isAlive ?? processIsAlive, held.has(file))
    if (verdict === 'held')
      throw new SessionLockedError(dir, found.holder, lockedMessage(found.holder, here, file, now()))
    await takeOver(file, found.text, here)
  }
  throw new Error(`The lock ${file} keeps changing: another process is taking this session; try again.`)
}
