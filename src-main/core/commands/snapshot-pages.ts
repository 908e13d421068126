/**
 * The session's rows a page at a time, so a window paints its first screen from the first page
 * while the rest follows (50,000 rows are ~40 MB of JSON: built, sent and parsed whole, the
 * first row waited seconds for the last). The first page takes the snapshot: the row list as it
 * is then, kept here until its last page is read. Later pages come from that same list, so
 * pages neither skip nor repeat rows however the session changes meanwhile; the renderer
 * applies the patches sent since the first page over the whole list once it has it
 * (src-renderer/store/snapshot-loader.ts). Without a request, every row at once, as before.
 */
import type { SessionSnapshot, SnapshotRequest } from '../../contract'
import { MediaImportError } from './errors'

/** A few windows (the app's, browser tabs on `media-import ui`) may load at the same time. */
const KEPT = 8
/** Across every session of the process: a page asked of another session's snapshot is refused. */
let lastSnapshotId = 0

export function createSnapshotPages(snapshot: () => SessionSnapshot): (request: SnapshotRequest) => SessionSnapshot {
  const taken = new Map<number, SessionSnapshot>()
  return (request) => {
    if (!request) return snapshot()
    let snapshotId = request.snapshotId
    let whole = snapshotId === undefined ? undefined : taken.get(snapshotId)
    if (snapshotId === undefined) {
      whole = snapshot()
      snapshotId = ++lastSnapshotId
      taken.set(snapshotId, whole)
      // The oldest first: a window that stopped loading half-way leaves its snapshot behind.
      for (const id of taken.keys()) if (taken.size > KEPT) taken.delete(id)
    }
    if (!whole)
      throw new MediaImportError(
        'snapshot-gone',
        'The rows this window was loading are no longer kept: it loads them again from the start.',
      )
    const from = request.from ?? 0
    const rows = whole.rows.slice(from, from + request.limit)
    const total = whole.rows.length
    if (from + request.limit >= total) taken.delete(snapshotId)
    return { sessionId: whole.sessionId, rows, page: { snapshotId, from, total } }
  }
}
