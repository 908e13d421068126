import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DailyLog } from './daily-log'

describe('DailyLog', () => {
  let dir: string
  let now: Date
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'daily-log-')), 'logs')
    now = new Date(2026, 0, 31, 10, 0)
  })
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true })
  })

  it('creates the folder and appends lines to the day file, continuing it in a later run', async () => {
    const first = new DailyLog({ dir, now: () => now })
    first.write('{"a":1}')
    first.close()
    const second = new DailyLog({ dir, now: () => now })
    second.write('{"a":2}')
    second.close()
    expect(await readFile(join(dir, 'media-import-2026-01-31.ndjson'), 'utf8')).toBe('{"a":1}\n{"a":2}\n')
  })

  it('moves to a new file at midnight and when a file is full', async () => {
    const log = new DailyLog({ dir, now: () => now, maxFileBytes: 20 })
    log.write('0123456789') // 11 bytes
    log.write('0123456789') // would be 22: next part
    now = new Date(2026, 1, 1, 0, 1)
    log.write('next day')
    log.close()
    expect((await readdir(dir)).sort()).toEqual([
      'media-import-2026-01-31.1.ndjson',
      'media-import-2026-01-31.ndjson',
      'media-import-2026-02-01.ndjson',
    ])
  })

  it('prunes days beyond the limit when it opens a file, and leaves foreign files', async () => {
    const { mkdir } = await import('node:fs/promises')
    await mkdir(dir, { recursive: true })
    for (const day of ['2026-01-20', '2026-01-29', '2026-01-30']) {
      await writeFile(join(dir, `media-import-${day}.ndjson`), 'x\n')
    }
    await writeFile(join(dir, 'keep.txt'), 'x')
    const log = new DailyLog({ dir, now: () => now, retention: { maxDays: 2 } })
    log.write('today')
    log.close()
    expect((await readdir(dir)).sort()).toEqual([
      'keep.txt',
      'media-import-2026-01-30.ndjson',
      'media-import-2026-01-31.ndjson',
    ])
  })

  it('reports a failure once and never throws', async () => {
    const errors: Error[] = []
    const blocker = join(dir, '..', 'file-not-folder')
    await writeFile(blocker, 'x')
    const log = new DailyLog({ dir: join(blocker, 'logs'), now: () => now, onError: (e) => errors.push(e) })
    expect(() => {
      log.write('a')
      log.write('b')
    }).not.toThrow()
    expect(errors).toHaveLength(1)
  })
})
