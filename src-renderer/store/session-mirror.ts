/**
 * The renderer's copy of main's session, as pure functions: main owns rows, the renderer only
 * applies what it is sent. Every change returns new containers (zustand compares by reference),
 * but unchanged rows keep their identity so memoised cells stay put.
 */
import type { Row, SessionPatch, SessionSnapshot } from '../../src-main/contract'

export interface SessionMirror {
  sessionId: string | null
  byId: ReadonlyMap<string, Row>
  /** Row ids in arrival order (the order the scan found them). */
  ids: readonly string[]
}

export const emptyMirror: SessionMirror = { sessionId: null, byId: new Map(), ids: [] }

export function applySnapshot(snapshot: SessionSnapshot): SessionMirror {
  const byId = new Map<string, Row>()
  for (const row of snapshot.rows) byId.set(row.rowId, row)
  return { sessionId: snapshot.sessionId, byId, ids: [...byId.keys()] }
}

export function applyPatch(mirror: SessionMirror, patch: SessionPatch): SessionMirror {
  if (patch.upsert.length === 0 && patch.remove.length === 0) return mirror
  const byId = new Map(mirror.byId)
  let ids = mirror.ids

  if (patch.remove.length > 0) {
    const removed = new Set(patch.remove.filter((id) => byId.delete(id)))
    if (removed.size > 0) ids = ids.filter((id) => !removed.has(id))
  }

  const added: string[] = []
  for (const row of patch.upsert) {
    if (!byId.has(row.rowId)) added.push(row.rowId)
    byId.set(row.rowId, row)
  }
  if (added.length > 0) ids = [...ids, ...added]

  return { sessionId: mirror.sessionId, byId, ids }
}
