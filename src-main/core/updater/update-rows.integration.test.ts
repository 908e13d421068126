/**
 * updateRows against the real emulator over HTTP: a value the server refuses is pinned to its
 * field, a deleted entry says so, an answer lost after the server stored the PATCH is settled by a
 * lookup (one PATCH, row updated), and an import record without a version is looked up first so a
 * change made meanwhile is still caught.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LivingdocsClient } from '../livingdocs/client'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import { imageEntry, importResults, startTestEmulator, type TestEmulator } from '../sandbox/emulator/testing'
import { markCorrection } from '../../../src-shared/rows/update-plan'
import { updateRows } from './update-rows'

let emu: TestEmulator
let client: LivingdocsClient
beforeAll(async () => {
  emu = await startTestEmulator()
  client = new LivingdocsClient({ url: emu.url, token: emu.token, apiVersion: '2026-07', timeoutMs: 5_000 })
  await importResults(
    emu,
    ['u1', 'u2', 'u3', 'u4', 'u5'].map((id) => imageEntry(id)),
  )
})
afterAll(() => emu.dispose())

const PATCH = 'PATCH mediaLibrary/:id'

/** A session with one imported row whose title the editor corrected (through the shaper, as in the app). */
function corrected(id: string, title: string, record: Record<string, unknown> = { version: 1 }): Session {
  const metadata = { title: `Title of ${id}` }
  const row: Row = {
    rowId: `row-${id}`,
    path: `/drop/${id}.jpg`,
    relativePath: `drop/${id}.jpg`,
    size: 1,
    mtimeMs: 0,
    status: 'imported',
    result: { mediaId: id, record: { ...record, metadata } },
    entry: { id, mediaType: 'image', metadata, translations: {} },
  }
  const session = new Session({ rows: [row] })
  session.setShaper((next, previous) => markCorrection(next, previous))
  session.updateRow(row.rowId, { entry: { ...row.entry!, metadata: { title } } })
  return session
}

describe('updateRows against the emulator', () => {
  it('pins a value the server refuses to its field, and says so when the entry is gone', async () => {
    const tooLong = corrected('u1', 'x'.repeat(201))
    const report = await updateRows(tooLong, client)
    expect(report).toMatchObject({ updated: 0, failed: [{ rowId: 'row-u1', conflict: false }] })
    expect(tooLong.getRow('row-u1')?.update).toMatchObject({
      state: 'failed',
      error: { field: 'metadata.title', reason: expect.stringMatching(/200 characters/) as string, retryable: false },
    })
    const gone = corrected('nope', 'New')
    expect((await updateRows(gone, client)).failed[0]?.reason).toMatch(/no longer holds media id nope/)
  })

  it('settles an answer lost after the server stored the PATCH by a lookup: one PATCH, updated', async () => {
    const session = corrected('u2', 'Lost answer')
    emu.requests.reset()
    emu.faults.push({ method: 'PATCH', path: '/mediaLibrary/', destroySocket: true, afterStore: true })
    const report = await updateRows(session, client)
    expect(report).toEqual({ updated: 1, failed: [] })
    expect(emu.requests.count(PATCH)).toBe(1)
    expect(session.getRow('row-u2')?.update).toEqual({ state: 'updated', confirmed: { title: 'Lost answer' } })
    expect(session.getRow('row-u2')?.result?.record).toMatchObject({ version: 2, metadata: { title: 'Lost answer' } })
    expect(emu.entries().find((e) => e.id === 'u2')).toMatchObject({ version: 2, metadata: { title: 'Lost answer' } })
  })

  it('looks the version up when the import record has none; a field changed meanwhile, or a stale version, is a conflict', async () => {
    // Someone changed u3 in Livingdocs (version 2 now) and its title.
    await fetch(`${emu.url}/api/2026-07/mediaLibrary/u3`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ patches: [{ operation: 'setMetadataProperty', propertyName: 'caption', value: 'Desk' }] }),
    })
    const session = corrected('u3', 'Ours', {})
    expect(await updateRows(session, client)).toEqual({ updated: 1, failed: [] })
    expect(emu.entries().find((e) => e.id === 'u3')).toMatchObject({
      version: 3,
      metadata: { title: 'Ours', caption: 'Desk' },
    })

    // The same field changed in Livingdocs: found by its value, nothing sent.
    await fetch(`${emu.url}/api/2026-07/mediaLibrary/u5`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ patches: [{ operation: 'setMetadataProperty', propertyName: 'title', value: 'Desk' }] }),
    })
    emu.requests.reset()
    const sameField = corrected('u5', 'Ours', {})
    expect((await updateRows(sameField, client)).failed).toEqual([expect.objectContaining({ conflict: true })])
    expect(emu.requests.count(PATCH)).toBe(0)

    const stale = corrected('u4', 'Stale', { version: 0 })
    const report = await updateRows(stale, client)
    expect(report.failed).toEqual([expect.objectContaining({ rowId: 'row-u4', conflict: true })])
  })
})
