/**
 * The renderer's copy of main's session: main owns rows, the renderer only applies what it is
 * sent. Rows are never mutated, so a row that did not change keeps its identity and its memoised
 * cells stay put. The id -> row map is updated in place, though: copying a 50,000-entry map per
 * patch took tens of milliseconds, longer than a frame, on every keystroke's patch. Each patch
 * still yields a new mirror object (zustand compares by reference) with a new `version`.
 */
import type { Row, SessionPatch, SessionSnapshot } from '../../src-main/contract'

export interface SessionMirror {
  sessionId: string | null
  byId: ReadonlyMap<string, Row>
  /** Row ids in arrival order (the order the scan found them); a new array only when rows come or go. */
  ids: readonly string[]
  /** Counts applied patches: what derived figures (counts, error groups) recompute on. */
  version: number
}

/** What a patch did to the id list, for views that follow it without a pass over every row. */
export interface MirrorChange {
  added: readonly string[]
  removed: ReadonlySet<string>
}

export const emptyMirror: SessionMirror = Object.freeze({ sessionId: null, byId: new Map(), ids: [], version: 0 })

export function applySnapshot(snapshot: SessionSnapshot, previous: SessionMirror = emptyMirror): SessionMirror {
  const byId = new Map<string, Row>()
  for (const row of snapshot.rows) byId.set(row.rowId, row)
  return { sessionId: snapshot.sessionId, byId, ids: [...byId.keys()], version: previous.version + 1 }
}

export function applyPatchWithChange(
  mirror: SessionMirror,
  patch: SessionPatch,
): { mirror: SessionMirror; change: MirrorChange } {
  const none: MirrorChange = { added: [], removed: new Set() }
  if (patch.upsert.length === 0 && patch.remove.length === 0) return { mirror, change: none }
  // The frozen empty mirror's map is shared by every fresh store: never write into it.
  const byId = (mirror.byId === emptyMirror.byId ? new Map() : mirror.byId) as Map<string, Row>
  let ids = mirror.ids

  const removed = new Set(patch.remove.filter((id) => byId.delete(id)))
  if (removed.size > 0) ids = ids.filter((id) => !removed.has(id))

  const added: string[] = []
  for (const row of patch.upsert) {
    if (!byId.has(row.rowId)) added.push(row.rowId)
    byId.set(row.rowId, row)
  }
  if (added.length > 0) ids = [...ids, ...added]
  const next = { sessionId: mirror.sessionId, byId, ids, version: mirror.version + 1 }
  return { mirror: next, change: { added, removed } }
}

export function applyPatch(mirror: SessionMirror, patch: SessionPatch): SessionMirror {
  return applyPatchWithChange(mirror, patch).mirror
}
