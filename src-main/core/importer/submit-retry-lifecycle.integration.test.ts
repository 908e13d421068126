/**
 * A batch the server answers 503 is sent again with the same entries, and each try is journaled as
 * an attempt of its rows (submit.ts `onAttempt`). Rows already `submitting` take that attempt
 * without moving (row-lifecycle.ts KEPT): the log used to warn "A row in state "submitting" cannot
 * take the event "attempt"" on every retry. Against the real emulator's fault switches.
 */
import { afterEach, expect, it } from 'vitest'
import { LivingdocsClient } from '../livingdocs/client'
import { startTestEmulator, type TestEmulator } from '../sandbox/emulator/testing'
import { onRefusedStep, type RefusedStep } from '../pipeline/row-step'
import { Session } from '../session/session'
import { exampleRow } from '../../../src-shared/rows/testing/example-rows'
import { submitSessionRows } from './submit-rows'

let emulator: TestEmulator | undefined
afterEach(async () => {
  await emulator?.dispose()
  emulator = undefined
})

it('retries a batch after two 503s without a refused lifecycle step, counting every attempt', async () => {
  emulator = await startTestEmulator()
  const client = new LivingdocsClient({ url: emulator.url, token: emulator.token, apiVersion: 'auto' })
  const project = await client.getProjectModel()
  const session = new Session()
  session.upsertRows(
    [0, 1].map((i) =>
      exampleRow(`r${i}`, 'uploaded', {
        kind: 'file',
        mimeType: 'application/pdf',
        extension: 'pdf',
        upload: { state: 'uploaded', bytesSent: 10, bytesTotal: 10, key: `k${i}`, url: `http://127.0.0.1:9/k${i}` },
        entry: { id: `e-${i}`, mediaType: 'file', metadata: { title: `F${i}` }, translations: {} },
      }),
    ),
  )
  emulator.faults.push({ status: 503 }, { status: 503 })
  const refused: RefusedStep[] = []
  const stop = onRefusedStep((r) => refused.push(r))
  try {
    const report = await submitSessionRows(session, client, project, {
      mode: 'all',
      defaultSystemName: 'it',
      submit: { backoff: { baseMs: 5, maxMs: 20 } },
    })
    expect(report).toMatchObject({ considered: 2, imported: 2 })
  } finally {
    stop()
  }
  expect(emulator.faults.pending()).toBe(0)
  expect(refused).toEqual([])
  for (const row of session.snapshot().rows) {
    expect(row).toMatchObject({ status: 'imported', submitAttempts: 3 })
  }
})
