/**
 * Reads the sessions index (sessions-index.ts) from the session folders beside the one being
 * opened: every folder holding a `session.json` whose profile has the same name. Another session
 * is only read, as the read-only view reads it (read-session.ts): its lock is not taken and
 * nothing in its folder is written, so a session another process has open stays as it is.
 * A folder that cannot be read is left out: the index only ever adds knowledge.
 */
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readSessionState } from '../../session/persistence/read-session'
import { SNAPSHOT_FILE } from '../../session/persistence/session-files'
import { buildSessionsIndex, sessionHits, type SessionHit, type SessionsIndex } from './sessions-index'

export interface ReadSessionsIndexOptions {
  /** Only sessions of this profile (the same Livingdocs project) count. */
  profileName: string
  /** The session being opened: its own rows are not "another session". */
  exclude: string
}

async function sessionFolders(parent: string): Promise<string[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => [])
  const folders: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const dir = join(parent, entry.name)
    const inside: string[] = await readdir(dir).catch(() => [])
    if (inside.includes(SNAPSHOT_FILE)) folders.push(dir)
  }
  return folders
}

export async function readSessionsIndex(
  parents: readonly string[],
  options: ReadSessionsIndexOptions,
): Promise<SessionsIndex> {
  const exclude = resolve(options.exclude)
  const seen = new Set<string>([exclude])
  const perSession: [string, SessionHit][][] = []
  for (const parent of new Set(parents.map((p) => resolve(p)))) {
    for (const dir of await sessionFolders(parent)) {
      if (seen.has(dir)) continue
      seen.add(dir)
      // One session at a time: a 50,000-row snapshot is read, reduced to its hits, and let go.
      const state = await readSessionState(dir).catch(() => undefined)
      if (!state || state.meta.profile?.name !== options.profileName) continue
      perSession.push(sessionHits(dir, state.meta, state.rows))
    }
  }
  return buildSessionsIndex(perSession)
}
