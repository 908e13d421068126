import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Row } from '../../model/row'
import { exampleRow as row } from '../../../../src-shared/rows/testing/example-rows'
import { listSessions } from './list-sessions'
import { openSessionFolder } from './open-session'

describe('listSessions', () => {
  let parent: string
  let closeCrashed: () => Promise<void>
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'list-sessions-'))
    // Finished: everything imported, skipped or already in the library, saved and closed.
    const done = await openSessionFolder(join(parent, '20260101-090000-aaaa'), {
      meta: { profile: { name: 'Production', livingdocsUrl: 'https://ld.example.com' }, roots: ['/media'] },
    })
    done.session.upsertRows([row('a', 'imported'), row('b', 'skipped'), row('k', 'in-library')])
    await done.close()
    // Unfinished and never closed (a crash): its changes are only in the journal.
    const crashed = await openSessionFolder(join(parent, '20260102-090000-bbbb'), { meta: { roots: ['/shoot'] } })
    crashed.session.upsertRows([row('c', 'imported'), row('d', 'uploaded'), row('e', 'rejected'), row('f', 'probed')])
    await crashed.session.persisted()
    closeCrashed = () => crashed.close()
    // Not sessions: a stray file and a folder without a snapshot.
    await writeFile(join(parent, 'notes.txt'), 'x')
    await mkdir(join(parent, 'empty'))
    // A damaged snapshot.
    await mkdir(join(parent, 'broken'))
    await writeFile(join(parent, 'broken', 'session.json'), '{"sessionId":')
  })
  afterAll(async () => {
    await closeCrashed()
    await rm(parent, { recursive: true, force: true })
  })

  it('lists session folders with what is left in each, journal included', async () => {
    const sessions = await listSessions(parent)
    const byName = new Map(sessions.map((s) => [s.name, s]))
    expect([...byName.keys()].sort()).toEqual(['20260101-090000-aaaa', '20260102-090000-bbbb', 'broken'])
    expect(byName.get('20260101-090000-aaaa')).toMatchObject({
      profileName: 'Production',
      roots: ['/media'],
      rows: 3,
      imported: 1,
      open: 0,
      unfinished: false,
    })
    expect(byName.get('20260102-090000-bbbb')).toMatchObject({
      rows: 4,
      imported: 1,
      open: 3,
      failed: 1,
      unfinished: true,
    })
    expect(byName.get('broken')?.problem).toMatch(/session\.json/)
  })

  it('never calls a session unfinished for skipped OS files, hidden files or empty files', async () => {
    const dir = join(parent, '20260103-090000-junk')
    const junk = await openSessionFolder(dir, { meta: { roots: ['/card'] } })
    const skipped = (rowId: string, reason: string): Row => row(rowId, 'skipped', { reason })
    junk.session.upsertRows([
      row('photo', 'imported'),
      skipped('.DS_Store', 'macOS folder settings (.DS_Store)'),
      skipped('Thumbs.db', 'Windows thumbnail cache (Thumbs.db)'),
      skipped('.hidden', 'hidden file'),
      row('empty', 'unreadable', {
        size: 0,
        reason: 'Empty file (0 bytes): there is nothing to import.',
        probeError: {
          code: 'empty',
          message: 'Empty file (0 bytes): there is nothing to import.',
          canImportAsFile: false,
        },
      }),
    ])
    await junk.close()
    const listed = (await listSessions(parent)).find((s) => s.name === '20260103-090000-junk')
    expect(listed).toMatchObject({ rows: 5, imported: 1, open: 0, failed: 0, unfinished: false })
    await rm(dir, { recursive: true, force: true })
  })

  it('answers an empty list for a folder that does not exist', async () => {
    expect(await listSessions(join(parent, 'nope'))).toEqual([])
  })
})
