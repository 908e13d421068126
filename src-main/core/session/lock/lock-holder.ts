/**
 * Who holds a session's lock, and whether that still counts: pure judgements over the lock file's
 * contents, so the rules are tested without processes. A lock from another computer is never
 * judged stale: its process cannot be checked from here (a shared or synced folder), and taking it
 * over could let two computers import the same files twice.
 */

export interface LockHolder {
  pid: number
  /** os.hostname() of the computer the process runs on. */
  host: string
  /** ISO time the process took the session. */
  startedAt: string
  /** What holds it: "media-import import", "the Media Importer app". */
  by?: string
}

export interface Here {
  pid: number
  host: string
}

export type LockVerdict =
  /** Another live process on this computer, another computer, or another open in this process. */
  | 'held'
  /** Its process is gone: the lock may be taken over. */
  | 'stale'

export function parseHolder(text: string): LockHolder | undefined {
  try {
    const raw = JSON.parse(text) as Partial<LockHolder>
    if (typeof raw.pid !== 'number' || !Number.isInteger(raw.pid) || raw.pid <= 0) return undefined
    if (typeof raw.host !== 'string' || typeof raw.startedAt !== 'string') return undefined
    return {
      pid: raw.pid,
      host: raw.host,
      startedAt: raw.startedAt,
      ...(typeof raw.by === 'string' ? { by: raw.by } : {}),
    }
  } catch {
    return undefined
  }
}

/**
 * `heldHere`: this process holds the folder open right now (its own registry). A lock naming this
 * pid that the registry does not know is left by an earlier process that had the same pid (pids
 * start low again in a container), so it is stale.
 */
export function judgeLock(
  holder: LockHolder,
  here: Here,
  isAlive: (pid: number) => boolean,
  heldHere: boolean,
): LockVerdict {
  if (holder.host !== here.host) return 'held'
  if (holder.pid === here.pid) return heldHere ? 'held' : 'stale'
  return isAlive(holder.pid) ? 'held' : 'stale'
}

/** Signal 0 checks that the process exists; EPERM means it does, run by another user. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** "19:02" today, "2026-12-06 19:02" on another day (local time, as the editor reads a clock). */
export function sinceText(startedAt: string, now: Date): string {
  const at = new Date(startedAt)
  if (Number.isNaN(at.getTime())) return 'an unknown time'
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  const sameDay = at.toDateString() === now.toDateString()
  return sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`
}

/** "media-import import, pid 1234 on host desk-1, since 19:02". */
export function holderText(holder: LockHolder, now = new Date()): string {
  return `${holder.by ? `${holder.by}, ` : ''}pid ${holder.pid} on host ${holder.host}, since ${sinceText(holder.startedAt, now)}`
}

/** The sentence an editor reads: who has it, since when, and what to do. */
export function lockedMessage(holder: LockHolder, here: Here, lockFile: string, now = new Date()): string {
  if (holder.pid === 0) {
    return 'This import session is being opened by another process right now. Wait a moment, then try again.'
  }
  const head = `This import session is open in another process (${holderText(holder, now)}).`
  if (holder.host !== here.host) {
    return (
      `${head} It is on another computer, so it is never taken over automatically: wait for it to finish there, ` +
      `or, if that computer no longer runs it, delete ${lockFile} and try again.`
    )
  }
  return `${head} Wait for it to finish, or stop it there (Ctrl+C in its terminal, or close its window), then try again.`
}
