/**
 * The session journal on a disk that fills up (a real 64 KiB tmpfs; needs root, skipped and said
 * so elsewhere): the change that found no room is reported, no change after it is lost with it,
 * and once there is room again the whole session is saved, that change included.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fillDisk, mountTinyDisk, unmountTinyDisk } from '../../../test-support/full-disk'
import { openSessionFolder } from './open-session'

describe('a session on a full disk', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'session-full-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('reports the change that found no room, keeps every change after it, and saves it once there is room', async (ctx) => {
    const disk = join(dir, 'disk')
    await mkdir(disk)
    if (!mountTinyDisk(disk)) ctx.skip() // needs root and tmpfs: a real full disk
    try {
      const folder = join(disk, 'session')
      const { session, store } = await openSessionFolder(folder)
      session.upsertRows([
        { rowId: 'r', path: '/r.jpg', relativePath: 'r.jpg', size: 1, mtimeMs: 0, status: 'scanned' },
      ])
      await session.persisted()
      await fillDisk(join(disk, 'filler'))
      // ~6 KB: the disk takes what fits in the journal's last page, then refuses the rest.
      session.updateRow('r', { identitySuffix: 'x'.repeat(6000) })
      await expect(session.persisted()).rejects.toMatchObject({ code: 'ENOSPC' })

      // Still full: the session stays unsaved and says so.
      await expect(session.persisted()).rejects.toMatchObject({ code: 'ENOSPC' })

      await rm(join(disk, 'filler'))
      session.updateRow('r', { size: 42 })
      // With room again, a snapshot of the whole session makes up for the lost write.
      await session.persisted()
      await store.close()
      const reopened = await openSessionFolder(folder)
      expect(reopened.recovered.unreadableLines).toBe(0)
      expect(reopened.session.getRow('r')).toMatchObject({ size: 42, identitySuffix: 'x'.repeat(6000) })
      await reopened.store.close()
    } finally {
      unmountTinyDisk(disk)
    }
  })
})
