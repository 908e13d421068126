/**
 * A wrong answer from the server stops the submit: the batch it answered fails with the
 * answer's problem (whether the server stored it is unknown), nothing more is sent, and a
 * re-submit finishes without duplicates. Over real HTTP against the emulator, whose fault
 * stores the batch and then answers with a body of the wrong shape or size.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { LivingdocsClient } from '../livingdocs/client'
import type { ImportEntry } from '../model/livingdocs'
import { startTestEmulator, type TestEmulator } from '../sandbox/emulator/testing'
import { submitEntries } from './submit'

let emulator: TestEmulator | undefined
afterEach(async () => {
  await emulator?.dispose()
  emulator = undefined
})

const entries = (n: number): ImportEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `bad-${i}`,
    mediaType: 'file',
    systemName: 'integration',
    asset: {
      key: `2026/12/07/bad-${i}.pdf`,
      url: `http://127.0.0.1:9/2026/12/07/bad-${i}.pdf`,
      size: 1000 + i,
      mimeType: 'application/pdf',
      filename: `bad-${i}.pdf`,
    },
    metadata: { title: `Title ${i}` },
  }))

async function setup(): Promise<{ em: TestEmulator; client: LivingdocsClient }> {
  const em = await startTestEmulator()
  emulator = em
  return { em, client: new LivingdocsClient({ url: em.url, token: em.token, apiVersion: '2026-05' }) }
}

const fast = { batchSize: 10, concurrency: 1, backoff: { baseMs: 20, maxMs: 200 } }
const posts = (em: TestEmulator) => em.requests.count('POST import/mediaLibrary')

describe('a wrong answer to an import', () => {
  for (const [what, answerBody, problem] of [
    [
      'of the wrong shape',
      '{"results":[{"ok":"yes","status":200}]}',
      /results\.0\.ok: expected boolean, received string/,
    ],
    ['larger than its cap', `"${'x'.repeat(2 * 1024 * 1024)}"`, /is larger than \d+ kB/],
  ] as const) {
    it(`${what} stops the run: nothing more is sent, and a re-submit imports each entry once`, async () => {
      const { em, client } = await setup()
      em.faults.push({ answerBody })
      const list = entries(30)
      const summary = await submitEntries({ api: client, entries: list, ...fast })
      expect(summary.stopped?.kind).toBe('bad-answer')
      expect(summary.stopped?.message).toMatch(
        /answer to POST \/api\/2026-05\/import\/mediaLibrary \(200\) cannot be used/,
      )
      expect(summary.stopped?.message).toMatch(problem)
      expect(posts(em)).toBe(1)
      const reasons = list.map((e) => {
        const outcome = summary.outcomes.get(e.id)
        return outcome?.status === 'failed' ? outcome.reason : outcome?.status
      })
      for (const reason of reasons.slice(0, 10))
        expect(reason).toMatch(/Whether the server stored this entry is unknown/)
      for (const reason of reasons.slice(10)) expect(reason).toMatch(/^Not sent: The Livingdocs server's answer/)

      const again = await submitEntries({ api: client, entries: list, ...fast })
      expect([...again.outcomes.values()].every((o) => o.status === 'imported')).toBe(true)
      const ids = em.entries().map((e) => e.id)
      expect(ids.sort()).toEqual(list.map((e) => e.id).sort())
    })
  }
})
