/**
 * The bug from issue #17: the server answered 503 six times, the rows' submit failed, and each row
 * still read "Uploaded" (its status is back to `uploaded`, the reason only in `importFailure`).
 * Against the real emulator's fault switches: every row's state is "Failed" with the server's
 * reason and the number of tries, and it offers "Re-submit".
 */
import { afterEach, expect, it } from 'vitest'
import { LivingdocsClient } from '../livingdocs/client'
import { startTestEmulator, type TestEmulator } from '../sandbox/emulator/testing'
import type { Row } from '../model/row'
import { rowState } from '../../../src-shared/rows/row-state'
import { applyOutcome, startAttempt } from '../pipeline/row-outcome'
import { submitEntries } from './submit'
import { toRow } from '../../../src-shared/rows/row-shape'

let emulator: TestEmulator | undefined
afterEach(async () => {
  await emulator?.dispose()
  emulator = undefined
})

it('a submit the server answers 503 six times leaves each row "Failed" with the reason, not "Uploaded"', async () => {
  emulator = await startTestEmulator()
  const client = new LivingdocsClient({ url: emulator.url, token: emulator.token, apiVersion: 'auto' })
  await client.getProjectModel()
  for (let i = 0; i < 6; i++) emulator.faults.push({ status: 503 })
  const rows: Row[] = [0, 1, 2].map((i) => ({
    rowId: `r${i}`,
    path: `/drop/f${i}.pdf`,
    relativePath: `drop/f${i}.pdf`,
    size: 100,
    mtimeMs: 0,
    status: 'uploaded',
    kind: 'file',
    upload: { state: 'uploaded', bytesSent: 100, bytesTotal: 100, key: `k${i}`, url: `http://127.0.0.1:9/k${i}` },
    entry: { id: `e-${i}`, mediaType: 'file', metadata: { title: `F${i}` }, translations: {} },
  }))
  const entries = rows.map((r) => ({
    id: r.entry!.id,
    mediaType: 'file',
    systemName: 'it',
    metadata: { title: r.entry!.metadata.title },
    asset: { key: r.upload!.key!, url: r.upload!.url!, size: 100, mimeType: 'application/pdf', filename: 'f.pdf' },
  }))
  const summary = await submitEntries({ api: client, entries, backoff: { baseMs: 5, maxMs: 20 } })
  expect(emulator.faults.pending()).toBe(0)
  expect(emulator.entries()).toHaveLength(0)

  for (const r of rows) {
    const outcome = summary.outcomes.get(r.entry!.id)
    if (!outcome) throw new Error(`no outcome for ${r.entry!.id}`)
    const sending: Row = toRow({ ...r, ...startAttempt(r) })
    const after: Row = toRow({ ...sending, ...applyOutcome(outcome, sending) })
    expect(after.status).toBe('uploaded')
    const state = rowState(after)
    expect(state).toMatchObject({
      kind: 'failed',
      group: 'failed',
      detail: 'gave up after 6 tries',
      waysOut: ['resubmit'],
    })
    expect(state.label).toMatch(/^Failed: .*503.* \(6 tries\)$/)
    expect(state.reason).toMatch(/Gave up after 6 attempt/)
  }
})
