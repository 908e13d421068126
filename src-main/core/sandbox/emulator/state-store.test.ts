import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { STATE_FILE_NAME } from './state-store'
import { imageEntry, importResults, startTestEmulator } from './testing'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ld-emulator-state-'))
  dirs.push(dir)
  return dir
}

describe('persistence', () => {
  it('keeps entries across a restart on the same dataDir, ids and uniqueness included', async () => {
    const dataDir = await tempDir()
    const first = await startTestEmulator({ dataDir })
    await importResults(first, [imageEntry('keep-1', { systemName: 's', externalId: 'x1' }), imageEntry('keep-2')])
    await first.close()

    const second = await startTestEmulator({ dataDir })
    try {
      expect(second.entries().map((e) => e.id)).toEqual(['keep-1', 'keep-2'])
      const [again, sameExternal] = await importResults(second, [
        imageEntry('keep-1'),
        imageEntry('keep-3', { systemName: 's', externalId: 'x1' }),
      ])
      expect(again).toMatchObject({ ok: false, status: 409 })
      expect(sameExternal).toMatchObject({ ok: false, status: 409 })
    } finally {
      await second.close()
    }
    // Writes go to a temp file renamed into place: nothing else is left in the folder.
    expect(await readdir(dataDir)).toEqual([STATE_FILE_NAME])
    const onDisk = JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')) as { entries: unknown[] }
    expect(onDisk.entries).toHaveLength(2)
  })

  it('serialises concurrent imports: every stored entry reaches the disk', async () => {
    const dataDir = await tempDir()
    const emu = await startTestEmulator({ dataDir })
    const batches = Array.from({ length: 20 }, (_, i) =>
      importResults(emu, [imageEntry(`par-${i}`), imageEntry('par-shared')]),
    )
    const answers = await Promise.all(batches)
    await emu.close()
    // Exactly one batch got the shared id; the others got 409 for it.
    expect(answers.filter(([, shared]) => shared?.ok === true)).toHaveLength(1)
    const onDisk = JSON.parse(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')) as { entries: unknown[] }
    expect(onDisk.entries).toHaveLength(21)
  })

  it('refuses to start on a damaged state file instead of overwriting it', async () => {
    const dataDir = await tempDir()
    await writeFile(join(dataDir, STATE_FILE_NAME), '{"formatVersion": 1, "entries": [')
    await expect(startEmulator({ dataDir })).rejects.toThrow(/is not valid JSON.*Move it away/)
    expect(await readFile(join(dataDir, STATE_FILE_NAME), 'utf8')).toBe('{"formatVersion": 1, "entries": [')
  })

  it('creates the dataDir when it does not exist', async () => {
    const dataDir = join(await tempDir(), 'nested', 'livingdocs')
    const emu = await startEmulator({ dataDir })
    await emu.close()
    expect(await readdir(dataDir)).toEqual([])
  })
})
