/**
 * One owner per session: a lock file in the session folder, held while a process has the session
 * open, so two imports can never drive the same rows (two `import --session S` at once would
 * import every file twice). Created atomically with O_EXCL ('wx'); a lock whose process is gone
 * (checked by pid, on this computer only: lock-holder.ts) is taken over. Released on close, and on
 * exit for anything still held; a process killed outright leaves a lock the next one takes over.
 */
import { readFileSync, unlinkSync } from 'node:fs'
import { open, readFile, stat, unlink } from 'node:fs/promises'
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
 * Removes a stale lock, one process at a time: only the process that creates the gate file
 * (O_EXCL) may delete the lock, and only while it still holds the stale text it judged. Without the
 * gate, two processes that both read the same stale lock could each delete what the other then
 * created, and both hold the session. Answers false when another process holds the gate (the
 * caller waits and looks again); a gate left by a process that died while taking over counts as
 * gone once it is older than FRESH_MS.
 */
async function takeOver(file: string, staleText: string, here: Here): Promise<boolean> {
  const gate = `${file}.takeover`
  if (!(await tryCreate(gate, `${here.pid}\n`))) {
    const info = await stat(gate).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > FRESH_MS) await unlink(gate).catch(() => undefined)
    return false
  }
  try {
    const current = await readFile(file, 'utf8').catch(() => undefined)
    if (current === staleText) await unlink(file).catch(() => undefined)
  } finally {
    await unlink(gate).catch(() => undefined)
  }
  return true
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

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
  // Each turn either creates the lock, finds it held, or removes a stale one (or waits for the
  // process removing it): a few hundred turns are seconds, not a hang.
  for (let attempt = 0; attempt < 300; attempt++) {
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
      if (!(await takeOver(file, found.text, here))) await pause(10)
      continue
    }
    const verdict = judgeLock(found.holder, here, options.isAlive ?? processIsAlive, held.has(file))
    if (verdict === 'held')
      throw new SessionLockedError(dir, found.holder, lockedMessage(found.holder, here, file, now()))
    if (!(await takeOver(file, found.text, here))) await pause(10)
  }
  throw new Error(`The lock ${file} keeps changing: another process is taking this session; try again.`)
}
