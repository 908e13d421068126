/**
 * Reads the sessions index (sessions-index.ts) from the session folders beside the one being
 * opened: every folder holding a `session.json` whose profile has the same name. Another session
 * is only read, as the read-only view reads it (read-session.ts): its lock is not taken and
 * nothing in its folder is written, so a session another process has open stays as it is.
 * A folder that cannot be read is left out: the index only ever adds knowledge.
 *
 * Cheap on purpose: the snapshot's rows are taken as JSON.parse gives them, not checked row by
 * row with the session's zod schema (10x the time: 40,000 rows in 20 sessions took 5 s so), since
 * the index only reads a few facts, each checked for its type (sessionHits). The journal after
 * the snapshot is replayed as a session opening would.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ReplayState, SessionMeta } from '../../session/persistence/journal-records'
import { replayJournal } from '../../session/persistence/open-session'
import { SNAPSHOT_FILE, sessionFiles } from '../../session/persistence/session-files'
import type { Row } from '../../model/row'
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Rows and meta of a session as its holder last saved them, or undefined when unreadable. */
async function readForIndex(dir: string): Promise<{ meta: SessionMeta; rows: Row[] } | undefined> {
  const files = sessionFiles(dir)
  try {
    const raw = JSON.parse(await readFile(files.snapshot, 'utf8')) as unknown
    if (!isObject(raw) || !Array.isArray(raw.rows) || typeof raw.seq !== 'number' || !isObject(raw.meta))
      return undefined
    const rows = raw.rows.filter((row): row is Row => isObject(row) && typeof row.rowId === 'string')
    const state: ReplayState = {
      rows: new Map(rows.map((row) => [row.rowId, row])),
      meta: raw.meta as unknown as SessionMeta,
    }
    // The holder may be appending right now: a torn last line is skipped like any unreadable one.
    replayJournal(state, await readFile(files.journal, 'utf8').catch(() => ''), raw.seq)
    return { meta: state.meta, rows: [...state.rows.values()] }
  } catch {
    return undefined
  }
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
      const state = await readForIndex(dir)
      if (!state || state.meta.profile?.name !== options.profileName) continue
      perSession.push(sessionHits(dir, state.meta, state.rows))
    }
  }
  return buildSessionsIndex(perSession)
}
