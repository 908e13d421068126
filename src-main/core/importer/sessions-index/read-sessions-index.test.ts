import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { imageRow } from '../../editing/testing/rows'
import { acquireSessionLock } from '../../session/lock/session-lock'
import { openSessionFolder } from '../../session/persistence/open-session'
import type { Row } from '../../model/row'
import { readSessionsIndex } from './read-sessions-index'
import { folderBytes as bytes } from '../../session/persistence/testing/folder-bytes'

let parent: string
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'sessions-index-'))
})
afterEach(() => rm(parent, { recursive: true, force: true }))

const sha = (n: number): string => n.toString(16).padStart(64, '0')
const imported = (n: number): Row =>
  imageRow(
    n,
    {},
    { status: 'imported', sha256: sha(n), result: { mediaId: `m-${n}`, record: { createdAt: `2026-11-0${n}` } } },
  )

/** A session folder of `profile` with these rows, left open (its journal live) unless closed. */
async function sessionWith(name: string, profile: string, rows: Row[], meta: { name?: string } = {}) {
  const opened = await openSessionFolder(join(parent, name), {
    meta: { profile: { name: profile, livingdocsUrl: 'http://127.0.0.1:1' }, ...meta },
  })
  opened.session.upsertRows(rows)
  opened.session.flush()
  await opened.session.persisted()
  return opened
}

describe('readSessionsIndex', () => {
  it("indexes the imported files of the profile's other sessions by content, with the session's name and folder", async () => {
    const a = await sessionWith('a', 'Sandbox', [imported(1), imageRow(2, {}, { sha256: sha(2) })], { name: 'Beach' })
    await a.close()
    const other = await sessionWith('other-profile', 'Staging', [imported(3)])
    await other.close()
    const self = await sessionWith('self', 'Sandbox', [imported(4)])

    const index = await readSessionsIndex([parent], { profileName: 'Sandbox', exclude: join(parent, 'self') })
    expect(index.find(sha(1))).toEqual({
      mediaId: 'm-1',
      createdAt: '2026-11-01',
      relativePath: 'Reportage/IMG_0001.jpg',
      sessionName: 'Beach',
      sessionDir: join(parent, 'a'),
    })
    // Not imported there; another profile's library; the session being opened itself.
    expect(index.find(sha(2))).toBeUndefined()
    expect(index.find(sha(3))).toBeUndefined()
    expect(index.find(sha(4))).toBeUndefined()
    expect(index.size).toBe(1)
    // The content identity is systemName + sha256: another systemName's entry is not this one.
    expect(index.find(sha(1), 'archive')?.mediaId).toBe('m-1')
    await self.close()
  })

  it('reads a session another process has open without taking its lock or writing to its folder', async () => {
    const held = await sessionWith('held', 'Sandbox', [imported(5)])
    const lock = await acquireSessionLock(join(parent, 'held'), { by: 'media-import import' })
    const before = await bytes(join(parent, 'held'))

    const index = await readSessionsIndex([parent, parent], { profileName: 'Sandbox', exclude: join(parent, 'x') })
    expect(index.find(sha(5))?.mediaId).toBe('m-5')
    expect(index.sessions).toBe(1)
    // The lock file is the holder's, byte for byte; nothing else appeared.
    expect(await bytes(join(parent, 'held'))).toEqual(before)
    await lock.release()
    await held.close()
  })

  it('leaves out a damaged session and a missing folder instead of failing', async () => {
    const ok = await sessionWith('ok', 'Sandbox', [imported(6)])
    await ok.close()
    const broken = await sessionWith('broken', 'Sandbox', [imported(7)])
    await broken.close()
    await writeFile(join(parent, 'broken', 'session.json'), '{"torn')
    const index = await readSessionsIndex([parent, join(parent, 'missing')], { profileName: 'Sandbox', exclude: '' })
    expect(index.find(sha(6))?.mediaId).toBe('m-6')
    expect(index.find(sha(7))).toBeUndefined()
  })
})
