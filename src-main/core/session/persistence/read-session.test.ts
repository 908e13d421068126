import { access, appendFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { imageRow } from '../../editing/testing/rows'
import { openSessionFolder } from './open-session'
import { readSessionFolder } from './read-session'
import { sessionFiles } from './session-files'
import { folderBytes as bytes } from './testing/folder-bytes'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-session-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('readSessionFolder', () => {
  it('replays the journal a live process is writing, skips a torn tail, and writes nothing', async () => {
    const held = await openSessionFolder(join(dir, 's'), { meta: { roots: ['/media'] } })
    held.session.upsertRows([imageRow(1)])
    held.session.flush()
    await held.session.persisted()
    await appendFile(sessionFiles(join(dir, 's')).journal, '{"seq":99,"t":"remo')
    const before = await bytes(join(dir, 's'))

    const read = await readSessionFolder(join(dir, 's'))
    expect(read.session.snapshot().rows.map((r) => r.rowId)).toEqual(['row-1'])
    expect(read.meta.roots).toEqual(['/media'])
    // Changed in memory only.
    read.session.updateRow('row-1', { status: 'skipped', reason: 'hidden file' })
    expect(read.session.getRow('row-1')?.status).toBe('skipped')
    read.session.flush()
    expect(await bytes(join(dir, 's'))).toEqual(before)
    await held.close()
  })

  it('refuses a folder without a session and creates nothing', async () => {
    await expect(readSessionFolder(join(dir, 'none'))).rejects.toThrow(/not found: this folder holds no session/)
    await expect(access(join(dir, 'none'))).rejects.toThrow(/ENOENT/)
  })
})
