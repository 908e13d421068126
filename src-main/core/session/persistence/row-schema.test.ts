/**
 * Reading rows back as the `Row` union: by status, with what the status requires. A snapshot row
 * that lacks it is invalid (the snapshot names it); a journal line that would leave a row without
 * it is damaged, skipped and counted like a torn line; a stale field a status cannot hold is dropped.
 */
import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exampleRow } from '../../../../src-shared/rows/testing/example-rows'
import { openSessionFolder } from './open-session'
import { readRow } from './row-schema'
import { sessionFiles } from './session-files'

const base = { rowId: 'r1', path: '/drop/a.jpg', relativePath: 'drop/a.jpg', size: 1, mtimeMs: 0 }

describe('readRow', () => {
  it('reads each status with the fields it requires', () => {
    expect(readRow({ ...base, status: 'imported', result: { mediaId: 'm', record: {} } })).toEqual({
      row: { ...base, status: 'imported', result: { mediaId: 'm', record: {} } },
    })
    expect(readRow({ ...base, status: 'imported' })).toEqual({ problem: expect.stringContaining('result') })
    expect(readRow({ ...base, status: 'skipped' })).toEqual({ problem: expect.stringContaining('reason') })
    expect(readRow({ ...base, status: 'uploaded' })).toEqual({ problem: expect.stringContaining('upload') })
    expect(readRow({ ...base, status: 'in-library' })).toEqual({ problem: expect.stringContaining('inLibrary') })
    expect(readRow({ ...base, status: 'lost' })).toEqual({ problem: expect.stringContaining('status') })
  })

  it('drops a field an older version left on a status that cannot hold it', () => {
    const stale = { field: 'externalId', existing: { mediaId: 'm' } }
    const read = readRow({ ...base, status: 'probed', conflict: stale, reason: 'old words' })
    expect(read).toEqual({ row: { ...base, status: 'probed' } })
  })
})

describe('replaying a journal line that breaks its row', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'row-schema-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('skips "imported" without a result as a damaged line, and keeps the row as it was', async () => {
    const first = await openSessionFolder(dir, { flushMs: 5 })
    first.session.upsertRows([exampleRow('r1', 'submitting')])
    await first.session.persisted()
    await appendFile(sessionFiles(dir).journal, '{"seq":2,"t":"set","id":"r1","set":{"status":"imported"}}\n')

    const second = await openSessionFolder(dir, { flushMs: 5 })
    try {
      expect(second.recovered).toEqual({ records: 1, unreadableLines: 1 })
      expect(second.session.getRow('r1')?.status).toBe('submitting')
    } finally {
      await first.store.close()
      await second.store.close()
    }
  })
})
