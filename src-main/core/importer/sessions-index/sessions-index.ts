/**
 * "Or in another session of this computer" (issue #16): the files other import sessions of the
 * same profile brought into the library, by content (sha256 -> media id, date, session). Built once
 * when a session opens (read-sessions-index.ts), so a row can be known as "Already in the library"
 * even when the library lookup cannot answer. Pure.
 */
import { basename } from 'node:path'
import { droppedOf, sessionName as nameOf } from '../../../../src-shared/session/session-name'
import type { SessionMeta } from '../../session/persistence/journal-records'
import type { Row } from '../../model/row'

/** One file another session of this computer imported (or found in the library). */
export interface SessionHit {
  mediaId: string
  /** When the entry was created, as the library told that session. */
  createdAt?: string
  /** The file's path in that session (its name is shown). */
  relativePath: string
  systemName?: string
  /** The session's name as the app lists it (the editor's, or its folders'). */
  sessionName: string
  sessionDir: string
}

export interface SessionsIndex {
  /**
   * The entry that holds this content under `systemName` (the content identity is
   * systemName + `sha256-<hex>`, importer/content-identity.ts); a hit whose systemName is not
   * known counts for any.
   */
  find(sha256: string, systemName?: string): SessionHit | undefined
  /** Sessions read, and distinct contents held: for logs and tests. */
  readonly sessions: number
  readonly size: number
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** The session's rows whose content the library held when that session last saved. */
export function sessionHits(dir: string, meta: SessionMeta, rows: readonly Row[]): [string, SessionHit][] {
  const named = text(meta.name)
  const paths = rows.map((row) => text(row.relativePath) ?? '')
  const sessionName = nameOf(named, droppedOf(paths), text(meta.createdAt), basename(dir))
  const out: [string, SessionHit][] = []
  // Rows come unchecked from the disk (read-sessions-index.ts): every fact read is type-checked.
  for (const row of rows) {
    const sha256 = text(row.sha256)
    if (!sha256 || row.probeError) continue
    const imported = row.status === 'imported' ? row.result : undefined
    const found = row.status === 'in-library' ? row.inLibrary : undefined
    const mediaId = text(imported?.mediaId) ?? text(found?.mediaId)
    if (!mediaId) continue
    const record: Record<string, unknown> = imported?.record ?? {}
    const createdAt = text(record.createdAt) ?? text(found?.createdAt)
    const systemName = text(record.systemName) ?? text(row.entry?.systemName)
    out.push([
      sha256.toLowerCase(),
      {
        mediaId,
        ...(createdAt ? { createdAt } : {}),
        relativePath: text(row.relativePath) ?? '',
        ...(systemName ? { systemName } : {}),
        sessionName,
        sessionDir: dir,
      },
    ])
  }
  return out
}

/** One index over many sessions; of the entries holding a content, the oldest wins (the one first imported). */
export function buildSessionsIndex(perSession: readonly [string, SessionHit][][]): SessionsIndex {
  const byContent = new Map<string, SessionHit[]>()
  for (const hits of perSession) {
    for (const [sha256, hit] of hits) byContent.set(sha256, [...(byContent.get(sha256) ?? []), hit])
  }
  const find = (sha256: string, systemName?: string): SessionHit | undefined => {
    let best: SessionHit | undefined
    for (const hit of byContent.get(sha256.toLowerCase()) ?? []) {
      if (systemName !== undefined && hit.systemName !== undefined && hit.systemName !== systemName) continue
      if (!best || (hit.createdAt && best.createdAt && hit.createdAt < best.createdAt)) best = hit
    }
    return best
  }
  return { find, sessions: perSession.length, size: byContent.size }
}

export const EMPTY_SESSIONS_INDEX: SessionsIndex = buildSessionsIndex([])

/** "session "shoot-2026" (/home/me/.media-importer/sessions/2026…), on this computer" */
export function sessionWhere(hit: Pick<SessionHit, 'sessionName' | 'sessionDir'>): string {
  const name = hit.sessionName ? `session "${hit.sessionName}"` : 'a session'
  return `${name} in ${hit.sessionDir}, on this computer`
}
