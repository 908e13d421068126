import { describe, expect, it } from 'vitest'
import { FakeMediaLibrary } from '../../test-support/fake-media-library'
import { imageRow } from '../editing/testing/rows'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import { ContentCheck } from './content-check'
import { buildSessionsIndex, type SessionsIndex } from './sessions-index/sessions-index'

const sha = (n: number): string => n.toString(16).padStart(64, '0')

/** A probed row, not uploaded yet, with the bytes `n`. */
const probedRow = (n: number, externalId?: string): Row =>
  imageRow(n, externalId ? { externalId } : {}, { status: 'probed', upload: undefined, sha256: sha(n) })

const seeded = (): FakeMediaLibrary => {
  const library = new FakeMediaLibrary()
  library.seed({
    id: 'known-1',
    mediaType: 'image',
    systemName: 'archive',
    externalId: `sha256-${sha(1)}`,
    asset: {
      key: 'k.jpg',
      url: 'http://s3/k.jpg',
      size: 1,
      width: 1,
      height: 1,
      mimeType: 'image/jpeg',
      filename: 'old.jpg',
    },
    metadata: {},
  })
  return library
}

function setUp(library: FakeMediaLibrary, rows: Row[], sessionsIndex?: SessionsIndex) {
  const session = new Session({ flushMs: 10_000, rows })
  const released: string[] = []
  const failures: string[] = []
  const check = new ContentCheck({
    session,
    api: library,
    defaultSystemName: 'archive',
    gatherMs: 5,
    rules: { sleep: async () => undefined },
    release: (ids) => released.push(...ids),
    onLookupFailed: (message) => failures.push(message),
    ...(sessionsIndex ? { sessionsIndex: Promise.resolve(sessionsIndex) } : {}),
  })
  return { session, check, released, failures }
}

describe('the lookup before uploads', () => {
  it('holds rows until one lookup answered for all of them, and marks the known one "Already in the library"', async () => {
    const library = seeded()
    const rows = [probedRow(1), probedRow(2), probedRow(3)]
    const { session, check, released } = setUp(library, rows)
    expect(rows.map((row) => check.admit(row))).toEqual([false, false, false])
    await check.idle()
    expect(library.lookups).toBe(1)
    expect(released.sort()).toEqual(['row-1', 'row-2', 'row-3'])
    expect(session.getRow('row-1')).toMatchObject({
      status: 'in-library',
      inLibrary: { mediaId: 'known-1', externalId: `sha256-${sha(1)}`, origin: expect.stringContaining('"old.jpg"') },
    })
    expect(session.getRow('row-2')?.status).toBe('probed')
    // Asked once: the rows may upload from now on.
    expect(check.admit(session.getRow('row-2')!)).toBe(true)
  })

  it("warns, without blocking, when a row with the editor's own externalId has content the library holds", async () => {
    const { session, check } = setUp(seeded(), [probedRow(1, 'dpa-77')])
    check.admit(session.getRow('row-1')!)
    await check.idle()
    expect(session.getRow('row-1')).toMatchObject({ status: 'probed', contentMatch: { mediaId: 'known-1' } })
  })

  it('lets the uploads go when the lookup fails (the server still refuses a duplicate at submit)', async () => {
    const library = seeded()
    for (let i = 0; i < 3; i++) library.lookupFaults.push({ kind: 'server', status: 503 })
    const { session, check, released, failures } = setUp(library, [probedRow(1)])
    check.admit(session.getRow('row-1')!)
    await check.idle()
    expect(released).toEqual(['row-1'])
    expect(failures).toHaveLength(1)
    expect(session.getRow('row-1')?.status).toBe('probed')
  })
})

/** Another session of this computer imported the bytes `2` as entry `mediaId`. */
const otherSession = (mediaId: string): SessionsIndex =>
  buildSessionsIndex([
    [
      [
        sha(2),
        {
          mediaId,
          createdAt: '2026-11-30T10:00:00.000Z',
          relativePath: 'Shoot/beach.jpg',
          sessionName: 'Shoot',
          sessionDir: '/data/sessions/a',
        },
      ],
    ],
  ])

describe('the lookup before uploads, with the sessions of this computer', () => {
  it('marks a row another session imported while the library lookup fails, naming that session', async () => {
    const library = seeded()
    for (let i = 0; i < 3; i++) library.lookupFaults.push({ kind: 'server', status: 503 })
    const { session, check, released, failures } = setUp(library, [probedRow(2)], otherSession('from-a'))
    check.admit(session.getRow('row-2')!)
    await check.idle()
    expect(failures).toHaveLength(1)
    expect(released).toEqual(['row-2'])
    expect(session.getRow('row-2')).toMatchObject({
      status: 'in-library',
      inLibrary: { mediaId: 'from-a', createdAt: '2026-11-30T10:00:00.000Z' },
    })
    expect(session.getRow('row-2')?.inLibrary?.origin).toBe(
      'file "beach.jpg", imported by another import (session "Shoot" in /data/sessions/a, on this computer)',
    )
  })

  it('believes the library when it answers: an entry deleted in Livingdocs since is imported again', async () => {
    // The lookup answers (nothing under the content identity) and the entry id is gone too.
    const { session, check } = setUp(seeded(), [probedRow(2)], otherSession('deleted-since'))
    check.admit(session.getRow('row-2')!)
    await check.idle()
    expect(session.getRow('row-2')?.status).toBe('probed')
    expect(session.getRow('row-2')?.inLibrary).toBeUndefined()
  })

  it('asks the library for the entry the session names when the content identity misses it (imported under another id)', async () => {
    // known-1 holds other bytes under its own identity; the other session says row 2's bytes became it.
    const library = seeded()
    const { session, check } = setUp(library, [probedRow(2)], otherSession('known-1'))
    check.admit(session.getRow('row-2')!)
    await check.idle()
    // One batched content lookup, then one lookup of the named entry.
    expect(library.lookups).toBe(2)
    expect(session.getRow('row-2')).toMatchObject({ status: 'in-library', inLibrary: { mediaId: 'known-1' } })
    expect(session.getRow('row-2')?.inLibrary?.origin).toContain('"old.jpg"')
  })
})
