/**
 * Which rows the grid lists. Main keeps skipped entries (hidden files, OS files, sidecars) as
 * rows so nothing is silently lost, but they are not media: the grid leaves them out unless the
 * editor asks to see them, and says how many there are.
 */
import type { SessionMirror } from './session-mirror'

export interface RowView {
  /** Row ids the grid shows, in session order. */
  ids: readonly string[]
  /** Skipped rows in the session, shown or not. */
  skipped: number
}

export const emptyRowView: RowView = { ids: [], skipped: 0 }

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Keeps `previous.ids` when the list did not change, so the grid does not re-measure 50,000 rows. */
export function deriveRowView(mirror: SessionMirror, showSkipped: boolean, previous: RowView = emptyRowView): RowView {
  let skipped = 0
  const ids: string[] = []
  for (const id of mirror.ids) {
    const isSkipped = mirror.byId.get(id)?.status === 'skipped'
    if (isSkipped) skipped++
    if (showSkipped || !isSkipped) ids.push(id)
  }
  const stableIds = sameIds(ids, previous.ids) ? previous.ids : ids
  return stableIds === previous.ids && skipped === previous.skipped ? previous : { ids: stableIds, skipped }
}
