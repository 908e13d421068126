/**
 * A session's rows into the window page by page (main: src-main/core/commands/snapshot-pages.ts), so
 * the grid paints its first screen from the first page while the rest arrives: 50,000 rows sent
 * whole are ~40 MB of JSON, and the first row waited seconds for the last one to be parsed.
 *
 * Meanwhile the editor sees the first rows at once, more rows as each page comes (the grid and
 * its scrollbar grow), and a line saying how many of how many are there; counts, filters, sort
 * and search work on the rows there so far. Patches are applied as they come, and kept: once
 * the last page is in, the store takes the whole list as main had it at the first page, with
 * every patch since applied over it in order, which is main's state now. So order, counts,
 * filters and sort are exactly right from then on. A page skips rows a patch already brought
 * or removed (the patch is newer than the snapshot the page comes from).
 */
import { create } from 'zustand'
import type { Row, SessionPatch, SessionSnapshot } from '../../src-main/contract'
import type { Api } from '../api'
import { nextPaint } from '../next-paint'

/** More than any screen shows at any density, and parsed in a millisecond or two. */
export const FIRST_PAGE = 100
/** ~4 MB of JSON, parsed in tens of milliseconds: the grid stays responsive between pages. */
export const NEXT_PAGE = 5000

export interface LoadProgress {
  loaded: number
  total: number
}

/** Rows there so far, while a snapshot's later pages are arriving; null when every row is there. */
export const useSnapshotLoading = create<{ progress: LoadProgress | null }>()(() => ({ progress: null }))

export interface SnapshotTarget {
  /** The first page: the session's rows as far as they go. */
  first(snapshot: SessionSnapshot): void
  /** A later page's rows, those no patch has brought or removed since the first page. */
  more(rows: Row[]): void
  /** Every row of the snapshot, and the patches sent since its first page, to apply over it in order. */
  complete(snapshot: SessionSnapshot, since: readonly SessionPatch[]): void
}

export interface SnapshotLoader {
  /** Loads the open session's rows (again); a load still running for an earlier session stops. */
  load(): Promise<void>
  /** Every patch from main goes through here too: kept while a load runs. */
  patch(patch: SessionPatch): void
}

const setProgress = (progress: LoadProgress | null) => useSnapshotLoading.setState({ progress })

export function createSnapshotLoader(
  api: Pick<Api, 'getSnapshot'>,
  target: SnapshotTarget,
  pages: { first: number; next: number } = { first: FIRST_PAGE, next: NEXT_PAGE },
  /** Resolves once the first page's rows are painted (connect.ts: the window's first screen). */
  painted: () => Promise<void> = nextPaint,
): SnapshotLoader {
  let generation = 0
  /** Patches since the running load's first page; null when no load runs. */
  let since: SessionPatch[] | null = null
  /** Rows those patches brought or removed: a later page must not put an older copy back. */
  let touched = new Set<string>()

  const load = async (): Promise<void> => {
    const mine = ++generation
    since = null
    const first = await api.getSnapshot({ limit: pages.first })
    if (mine !== generation) return
    // From here on, every patch is newer than the snapshot (answers and events keep their order).
    target.first(first)
    const page = first.page
    if (!page || first.rows.length >= page.total) return setProgress(null)
    since = []
    touched = new Set()
    const rows = [...first.rows]
    setProgress({ loaded: rows.length, total: page.total })
    try {
      // The first screen is painted before the next page's parsing takes the main thread.
      await painted()
      while (rows.length < page.total) {
        if (mine !== generation) return
        const next = await api.getSnapshot({ limit: pages.next, snapshotId: page.snapshotId, from: rows.length })
        if (mine !== generation) return
        if (next.rows.length === 0) break
        rows.push(...next.rows)
        target.more(next.rows.filter((row) => !touched.has(row.rowId)))
        setProgress({ loaded: rows.length, total: page.total })
      }
      target.complete({ sessionId: first.sessionId, rows }, since)
    } catch (err) {
      if (mine !== generation) return
      // Main no longer keeps that snapshot (many windows loading at once): start again.
      if ((err as { code?: string }).code === 'snapshot-gone') return load()
      throw err
    } finally {
      if (mine === generation) {
        since = null
        touched = new Set()
        setProgress(null)
      }
    }
  }

  return {
    load,
    patch: (patch) => {
      if (!since) return
      since.push(patch)
      for (const row of patch.upsert) touched.add(row.rowId)
      for (const id of patch.remove) touched.add(id)
    },
  }
}
