import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Row } from '../../model/row'
import { openSessionFolder, type OpenedSession } from './open-session'
import { sessionFiles, SessionFileError } from './session-files'
import { toRow } from '../../../../src-shared/rows/row-shape'

let dir: string
const opened: OpenedSession[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'session-store-'))
})
afterEach(async () => {
  // Tests "crash" by not closing; the handles are released here.
  for (const o of opened.splice(0)) await o.store.close()
  await rm(dir, { recursive: true, force: true })
})

async function open(options: Parameters<typeof openSessionFolder>[1] = {}): Promise<OpenedSession> {
  const o = await openSessionFolder(dir, { flushMs: 5, ...options })
  opened.push(o)
  return o
}

const row = (i: number, over: Partial<Row> = {}): Row =>
  toRow({
    rowId: `row-${i}`,
    path: `/drop/f${i}.jpg`,
    relativePath: `drop/f${i}.jpg`,
    size: i,
    mtimeMs: 1000 + i,
    status: 'scanned',
    ...over,
  })

const journalLines = async (): Promise<string[]> =>
  (await readFile(sessionFiles(dir).journal, 'utf8')).split('\n').filter(Boolean)

describe('session folder', () => {
  it('starts a new session with a snapshot and keeps every acknowledged change across a crash', async () => {
    const first = await open({ meta: { profile: { name: 'Sandbox', livingdocsUrl: 'http://127.0.0.1:1' } } })
    expect(first.existed).toBe(false)
    first.session.upsertRows([row(1), row(2), row(3)])
    first.session.updateRow('row-1', {
      status: 'probed',
      kind: 'image',
      entry: { id: 'e1', metadata: { title: 'A' }, translations: {} },
    })
    first.session.updateRow('row-2', { identitySuffix: 'gone' })
    first.session.updateRow('row-2', { identitySuffix: undefined, status: 'unreadable', reason: 'gone' })
    first.session.removeRows(['row-3'])
    await first.session.persisted()
    expect(await journalLines()).toHaveLength(5)

    // No close: the process "died" here.
    const second = await open()
    expect(second.existed).toBe(true)
    expect(second.session.sessionId).toBe(first.session.sessionId)
    expect(second.store.meta.profile?.name).toBe('Sandbox')
    expect(second.recovered).toEqual({ records: 5, unreadableLines: 0 })
    expect(second.session.snapshot().rows).toEqual(first.session.snapshot().rows)
    expect(second.session.getRow('row-2')).not.toHaveProperty('identitySuffix')
    // Replayed into a new snapshot; the journal starts empty.
    expect(await journalLines()).toHaveLength(0)
  })

  it('drops a torn last line and keeps what comes after it on the next open', async () => {
    const first = await open()
    first.session.upsertRows([row(1)])
    first.session.updateRow('row-1', { status: 'probed' })
    await first.session.persisted()
    await appendFile(sessionFiles(dir).journal, '{"seq":3,"t":"set","id":"row-1","set":{"status":"uplo')

    const second = await open()
    expect(second.recovered).toEqual({ records: 2, unreadableLines: 1 })
    expect(second.session.getRow('row-1')?.status).toBe('probed')
    second.session.updateRow('row-1', {
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 },
    })
    await second.session.persisted()

    const third = await open()
    expect(third.session.getRow('row-1')?.status).toBe('uploaded')
  })

  it('folds a growing journal into the snapshot and replays only what came after it', async () => {
    const first = await open({ compactBytes: 2_000 })
    first.session.upsertRows(Array.from({ length: 20 }, (_, i) => row(i)))
    await first.session.persisted()
    for (let i = 0; i < 200; i++) {
      first.session.updateRow(`row-${i % 20}`, { size: 1000 + i })
      if (i % 10 === 0) await first.session.persisted()
    }
    await first.session.persisted()
    const journalBytes = (await readFile(sessionFiles(dir).journal)).length
    expect(journalBytes).toBeLessThan(20 * 200)

    const second = await open()
    expect(second.session.snapshot().rows).toEqual(first.session.snapshot().rows)
    expect(second.session.getRow('row-19')?.size).toBe(1199)
  })

  it('replays nothing twice when the process died between the snapshot and emptying the journal', async () => {
    const first = await open()
    first.session.upsertRows([row(1)])
    first.session.updateRow('row-1', { size: 5 })
    await first.session.persisted()
    const stale = await readFile(sessionFiles(dir).journal, 'utf8')
    await first.store.compact()
    first.session.updateRow('row-1', { size: 6 })
    await first.session.persisted()
    // Put the already-folded lines back in front, as if the truncate never happened.
    const after = await readFile(sessionFiles(dir).journal, 'utf8')
    await writeFile(sessionFiles(dir).journal, stale + after)

    const second = await open()
    expect(second.recovered.records).toBe(1)
    expect(second.session.getRow('row-1')?.size).toBe(6)
  })

  it('refuses a damaged snapshot and names the row and field of an invalid one', async () => {
    const first = await open()
    first.session.upsertRows([row(1)])
    await first.close()
    const path = sessionFiles(dir).snapshot
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('"status":"scanned"', '"status":"lost"'))
    await expect(openSessionFolder(dir)).rejects.toThrow(/row 1 \(drop\/f1\.jpg\) is invalid: status/)
    await writeFile(path, text.slice(0, 40))
    await expect(openSessionFolder(dir)).rejects.toBeInstanceOf(SessionFileError)
    // Never overwritten: the damage stays for someone to look at.
    expect(await readFile(path, 'utf8')).toBe(text.slice(0, 40))
  })

  it('closes into one compact snapshot', async () => {
    const first = await open()
    first.session.upsertRows([row(1), row(2)])
    await first.close()
    opened.splice(0)
    expect(await journalLines()).toHaveLength(0)
    const snapshot = JSON.parse(await readFile(sessionFiles(dir).snapshot, 'utf8')) as { rows: Row[]; format: number }
    expect(snapshot.format).toBe(1)
    expect(snapshot.rows.map((r) => r.rowId)).toEqual(['row-1', 'row-2'])
  })

  it('will not make up a session in a folder that must hold one', async () => {
    await expect(openSessionFolder(join(dir, 'nothing'), { mustExist: true })).rejects.toThrow(/holds no session/)
  })
})
