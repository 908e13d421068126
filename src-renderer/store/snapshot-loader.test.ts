import { describe, expect, it } from 'vitest'
import type { SessionPatch, SnapshotRequest } from '../../src-main/contract'
import { imageRow } from '../../src-main/core/editing/testing/rows'
import { createSnapshotPages } from '../../src-main/core/commands/snapshot-pages'
import { Session } from '../../src-main/core/session/session'
import { applyPatch, applySnapshot, emptyMirror, type SessionMirror } from './session-mirror'
import { createSnapshotLoader, useSnapshotLoading } from './snapshot-loader'

/**
 * Main's real session and pager, and a window's mirror fed as connect.ts feeds the store: patches
 * as they come (to the mirror and the loader), pages as they are answered. `during(call)` runs
 * in main before it answers that call, its patches sent first (events and answers keep their order).
 */
function harness(rows: number, during: (call: number, session: Session) => void = () => undefined) {
  const session = new Session({ rows: Array.from({ length: rows }, (_, i) => imageRow(i)), flushMs: 60_000 })
  const pages = createSnapshotPages(() => session.snapshot())
  let mirror: SessionMirror = emptyMirror
  const seen: string[][] = []
  let calls = 0
  const loader = createSnapshotLoader(
    {
      getSnapshot: async (request: SnapshotRequest) => {
        during(++calls, session)
        session.flush()
        return pages(request)
      },
    },
    {
      first: (snapshot) => {
        mirror = applySnapshot(snapshot, mirror)
        seen.push([...mirror.ids])
      },
      more: (page) => {
        mirror = applyPatch(mirror, { upsert: page, remove: [] })
        seen.push([...mirror.ids])
      },
      complete: (snapshot, since) => {
        mirror = since.reduce(applyPatch, applySnapshot(snapshot, mirror))
      },
    },
    { first: 3, next: 4 },
  )
  session.onPatch((patch: SessionPatch) => {
    mirror = applyPatch(mirror, patch)
    loader.patch(patch)
  })
  return { session, loader, seen, mirror: () => mirror }
}

describe('createSnapshotLoader', () => {
  it('shows the first page first, then more rows per page, then every row in order', async () => {
    const { loader, seen, mirror, session } = harness(10)
    await loader.load()
    expect(seen.map((ids) => ids.length)).toEqual([3, 7, 10])
    expect(mirror().ids).toEqual(session.snapshot().rows.map((r) => r.rowId))
    expect(useSnapshotLoading.getState().progress).toBeNull()
  })

  it('ends as main is now when rows change, come and go while it loads', async () => {
    const { loader, mirror, session } = harness(10, (call, s) => {
      if (call !== 2) return
      // Before the second page: a row not yet loaded is removed, another edited, one added,
      // and a loaded one edited.
      s.removeRows(['row-5'])
      s.upsertRows([imageRow(8, { metadata: { title: 'edited while loading' } })])
      s.upsertRows([imageRow(99)])
      s.upsertRows([imageRow(1, { metadata: { title: 'edited too' } })])
    })
    await loader.load()
    const main = session.snapshot().rows
    expect(mirror().ids).toEqual(main.map((r) => r.rowId))
    expect(mirror().ids).not.toContain('row-5')
    for (const r of main) expect(mirror().byId.get(r.rowId)).toBe(r)
  })

  it('never puts back a row a patch removed, nor an older copy of one a patch changed, while pages come', async () => {
    const shown: Array<string | undefined> = []
    const { loader, mirror } = harness(10, (call, s) => {
      if (call === 2) {
        s.removeRows(['row-4'])
        s.upsertRows([imageRow(6, { metadata: { title: 'newer' } })])
      }
      if (call === 3) shown.push(mirror().byId.get('row-6')?.entry?.metadata.title as string | undefined)
    })
    await loader.load()
    // After the second page (r3..r6), before the last: r4 stayed out and r6 kept the patch's title.
    expect(shown).toEqual(['newer'])
    expect(mirror().byId.has('row-4')).toBe(false)
  })

  it('says how many rows are there while the rest arrive', async () => {
    const progress: unknown[] = []
    const off = useSnapshotLoading.subscribe((s) => progress.push(s.progress))
    await harness(10).loader.load()
    off()
    expect(progress).toEqual([{ loaded: 3, total: 10 }, { loaded: 7, total: 10 }, { loaded: 10, total: 10 }, null])
  })

  it('asks for the next page only once the first page is painted', async () => {
    const asked: SnapshotRequest[] = []
    let paint = (): void => undefined
    const painted = new Promise<void>((resolve) => (paint = resolve))
    const session = new Session({ rows: Array.from({ length: 5 }, (_, i) => imageRow(i)), flushMs: 60_000 })
    const pages = createSnapshotPages(() => session.snapshot())
    const api = {
      getSnapshot: async (request: SnapshotRequest) => {
        asked.push(request)
        return pages(request)
      },
    }
    const noop = () => undefined
    const loading = createSnapshotLoader(
      api,
      { first: noop, more: noop, complete: noop },
      { first: 2, next: 2 },
      () => painted,
    ).load()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(asked).toHaveLength(1)
    paint()
    await loading
    expect(asked.map((r) => r?.from ?? 0)).toEqual([0, 2, 4])
  })
})
