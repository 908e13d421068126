/**
 * The importer against the Livingdocs emulator over real HTTP, with its fault queue: 5xx, 429 +
 * Retry-After, stalled answers (client timeouts), malformed JSON, "stored, then answered 500" and
 * dropped connections. Whatever happens, every row ends imported exactly once — the emulator
 * holds exactly one entry per row — or carries its reason.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Fault } from '../sandbox/emulator'
import { submitEntries } from './submit'
import { disposeEmulator, expectExactlyOnce, fast, rowsFor, setup } from './testing/submit-env'

afterEach(disposeEmulator)

describe('submit against the emulator', () => {
  it('imports 150 mixed entries with version auto, translations and systemName from the profile', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 150)
    const summary = await submitEntries({ api: client, entries, ...fast })
    expect(client.apiVersion).toBe('2026-07')
    expectExactlyOnce(em, entries, summary)
    expect(summary.requests).toBe(8)
    const first = em.entries().find((e) => e.id === 'row-0')
    expect(first).toMatchObject({
      systemName: 'integration',
      translations: [{ locale: 'fr', metadata: { title: 'Titre 0' } }],
    })
    const outcome = summary.outcomes.get('row-0')
    expect(outcome?.status === 'imported' && outcome.record).toMatchObject({ id: 'row-0', mediaType: 'image' })
  })

  it('survives every fault kind at once and stores each entry exactly once', async () => {
    const { emulator: em, client, model } = await setup({}, { importTimeoutMs: 400 })
    const { entries } = rowsFor(model, 200)
    const faults: Fault[] = [
      { status: 500 },
      { status: 502 },
      { status: 503 },
      { status: 429, retryAfterSeconds: 1 },
      { delayMs: 1_500 },
      { malformedJson: true },
      { storeThenFail: 500 },
      { destroySocket: true },
      { destroySocket: true, afterStore: true },
      { storeThenFail: 500 },
    ]
    em.faults.push(...faults)
    const retries: string[] = []
    const started = Date.now()
    const summary = await submitEntries({ api: client, entries, ...fast, onRetry: (r) => retries.push(r.reason) })
    expect(em.faults.pending()).toBe(0)
    expectExactlyOnce(em, entries, summary)
    expect(summary.retries).toBeGreaterThanOrEqual(faults.length)
    // Retry-After: 1 s was waited out, not skipped.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
    expect(retries.join('\n')).toMatch(/429/)
    expect(retries.join('\n')).toMatch(/No answer .* within/)
    // Entries stored before a failed answer were confirmed by lookup, not sent twice.
    const byLookup = [...summary.outcomes.values()].filter((o) => o.status === 'imported' && o.confirmedBy === 'lookup')
    expect(byLookup.length).toBeGreaterThan(0)
  })

  it('"stored, then answered 500" on every batch: one POST each, settled by lookup', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 60)
    em.faults.push({ storeThenFail: 500 }, { storeThenFail: 500 }, { storeThenFail: 500 })
    const summary = await submitEntries({ api: client, entries, ...fast })
    expectExactlyOnce(em, entries, summary)
    expect(em.requests.count('POST import/mediaLibrary')).toBe(3)
  })

  it('a failing lookup after an ambiguous failure is retried before anything is re-sent', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 10)
    em.faults.push(
      { storeThenFail: 500 },
      { status: 503, method: 'GET', path: '/mediaLibrary' },
      {
        status: 500,
        method: 'GET',
        path: '/mediaLibrary',
      },
    )
    const summary = await submitEntries({ api: client, entries, ...fast })
    expectExactlyOnce(em, entries, summary)
    expect(em.requests.count('POST import/mediaLibrary')).toBe(1)
  })

  it('malformed JSON: retried, then the rows fail clearly; a re-submit imports each once', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 5)
    // The import answer is cut in half after storing, and so is every lookup that would confirm it.
    em.faults.push({ malformedJson: true })
    for (let i = 0; i < 3; i++) em.faults.push({ malformedJson: true, method: 'GET', path: '/mediaLibrary' })
    const first = await submitEntries({ api: client, entries, ...fast, maxAttempts: 3 })
    for (const e of entries) {
      const o = first.outcomes.get(e.id)
      expect(o?.status).toBe('failed')
      expect(o?.status === 'failed' && o.reason).toMatch(
        /Could not confirm whether the server stored this entry \(.*not JSON/,
      )
    }
    // Nothing was sent twice while the answer was unknown.
    expect(em.requests.count('POST import/mediaLibrary')).toBe(1)
    const again = await submitEntries({ api: client, entries, ...fast })
    expectExactlyOnce(em, entries, again)
  })

  it('malformed JSON before anything is stored is retried like a 5xx', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 5)
    em.faults.push({ status: 502 }, { malformedJson: true })
    const summary = await submitEntries({ api: client, entries, ...fast })
    expectExactlyOnce(em, entries, summary)
  })

  it('splits on 413 when the server body limit is smaller than a batch', async () => {
    const { emulator: em, client, model } = await setup({ maxBodyBytes: 6_000 })
    const { entries } = rowsFor(model, 40)
    const summary = await submitEntries({ api: client, entries, ...fast, batchBytes: 1_000_000 })
    expect(summary.splits).toBeGreaterThan(0)
    expectExactlyOnce(em, entries, summary)
  })
})
