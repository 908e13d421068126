import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, readJournal } from './journal'

let dir: string
let path: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'))
  path = join(dir, 'j.ndjson')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const lines = async (): Promise<string[]> => (await readFile(path, 'utf8')).split('\n').filter(Boolean)

describe('Journal', () => {
  it('cuts a torn last line off on open, so the next line starts clean', async () => {
    await writeFile(path, '{"n":1}\n{"n":2}\n{"n":3,"half')
    expect(await readJournal(path)).toEqual({ text: '{"n":1}\n{"n":2}\n', bytes: 16, torn: true })
    // Reading alone changes nothing (the read-only view of a session another process holds).
    expect((await stat(path)).size).toBe(28)

    const { journal, contents } = await Journal.open(path)
    expect(contents).toMatchObject({ bytes: 16, torn: true })
    await journal.append('{"n":4}')
    await journal.close()
    expect(await lines()).toEqual(['{"n":1}', '{"n":2}', '{"n":4}'])
  })

  it('opens a missing file as an empty journal and creates it', async () => {
    const { journal, contents } = await Journal.open(path)
    expect(contents).toEqual({ text: '', bytes: 0, torn: false })
    await journal.close()
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('lets lines appended during a write share the next one, in the order they were given', async () => {
    const { journal } = await Journal.open(path)
    const first = journal.append('1')
    const rest = Array.from({ length: 99 }, (_, i) => journal.append(String(i + 2)))
    // The first line is written at once; the 99 given meanwhile wait and go in one write + sync.
    expect(new Set(rest).size).toBe(1)
    expect(rest[0]).not.toBe(first)
    await Promise.all([first, ...rest])
    expect(await lines()).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)))
    expect(journal.bytes).toBe((await stat(path)).size)
    await journal.close()
  })

  it('runs a checkpoint after the lines before it and before the lines after it', async () => {
    const { journal } = await Journal.open(path)
    void journal.append('a')
    void journal.append('b')
    let seenBySnapshot: string[] = []
    const checkpoint = journal.checkpoint(async () => {
      seenBySnapshot = await lines()
    })
    const after = journal.append('c')
    await Promise.all([checkpoint, after])
    expect(seenBySnapshot).toEqual(['a', 'b'])
    expect(await lines()).toEqual(['c'])
    expect(journal.bytes).toBe(2)
    await journal.close()
  })

  it('rewrites itself atomically and keeps appending to the new file', async () => {
    const { journal } = await Journal.open(path)
    await journal.append('old-1')
    await journal.append('old-2')
    await journal.rewrite(() => 'compact\n')
    await journal.append('next')
    await journal.close()
    expect(await lines()).toEqual(['compact', 'next'])
    await expect(stat(`${path}.tmp`)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('keeps the old journal when a crash came between the temp write and the rename', async () => {
    const { journal } = await Journal.open(path)
    await journal.append('kept')
    await journal.close()
    // What a process killed after writing the temp file but before renaming it leaves behind.
    await writeFile(`${path}.tmp`, 'half a compact jour')

    const reopened = await Journal.open(path)
    expect(reopened.contents.text).toBe('kept\n')
    await reopened.journal.rewrite(() => 'kept\n')
    await reopened.journal.append('more')
    await reopened.journal.close()
    expect(await lines()).toEqual(['kept', 'more'])
    await expect(stat(`${path}.tmp`)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('leaves the journal as it was when a rewrite cannot be written, and goes on appending', async () => {
    const { journal } = await Journal.open(path)
    await journal.append('a')
    // The temp file cannot be created (a folder holds its name), as a full disk would refuse it.
    await mkdir(`${path}.tmp`)
    await expect(journal.rewrite(() => 'x\n')).rejects.toThrow()
    await journal.append('b')
    await journal.close()
    expect(await lines()).toEqual(['a', 'b'])
  })

  it('refuses lines after close', async () => {
    const { journal } = await Journal.open(path)
    await journal.close()
    await expect(journal.append('late')).rejects.toThrow(/closed/)
  })
})
