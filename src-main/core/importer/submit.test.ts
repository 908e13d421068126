/**
 * The submit loop's decisions against an in-memory library with scripted faults. The same
 * faults over real HTTP against the emulator are in submit.integration.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { FakeMediaLibrary } from '../../test-support/fake-media-library'
import type { ImportEntry } from '../model/livingdocs'
import { submitEntries, type SubmitOptions } from './submit'

const entry = (i: number, over: Partial<ImportEntry> = {}): ImportEntry => ({
  id: `e-${i}`,
  mediaType: 'file',
  systemName: 'dam',
  externalId: `x-${i}`,
  asset: { key: `k/${i}.pdf`, url: `http://s3/k/${i}.pdf`, size: 1, mimeType: 'application/pdf', filename: `${i}.pdf` },
  metadata: { title: `T${i}` },
  ...over,
})
const entries = (n: number) => Array.from({ length: n }, (_, i) => entry(i))

const sleeps: number[] = []
function submit(library: FakeMediaLibrary, list: ImportEntry[], over: Partial<SubmitOptions> = {}) {
  sleeps.length = 0
  return submitEntries({
    api: library,
    entries: list,
    batchSize: 10,
    random: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...over,
  })
}
const statuses = (s: Awaited<ReturnType<typeof submitEntries>>) => {
  const count: Record<string, number> = {}
  for (const o of s.outcomes.values()) count[o.status] = (count[o.status] ?? 0) + 1
  return count
}

describe('submitEntries', () => {
  it('imports everything in batches with at most two requests in flight', async () => {
    const library = new FakeMediaLibrary()
    let inFlight = 0
    let peak = 0
    const api = {
      importSerialized: async (json: readonly string[]) => {
        peak = Math.max(peak, ++inFlight)
        await new Promise((r) => setTimeout(r, 5))
        inFlight--
        return library.importSerialized(json)
      },
      getEntriesByIds: library.getEntriesByIds.bind(library),
      findByExternalId: library.findByExternalId.bind(library),
      findByExternalIds: library.findByExternalIds.bind(library),
    }
    const summary = await submit(library, entries(95), { api })
    expect(statuses(summary)).toEqual({ imported: 95 })
    expect(summary.requests).toBe(10)
    expect(peak).toBe(2)
    expect(library.entries.size).toBe(95)
  })

  it('reports outcomes as they settle and tells before each send which ids go out', async () => {
    const library = new FakeMediaLibrary()
    const attempts: string[][] = []
    const seen: string[] = []
    await submit(library, entries(3), {
      onAttempt: (ids) => attempts.push([...ids]),
      onOutcome: (o) => seen.push(o.id),
    })
    expect(attempts).toEqual([['e-0', 'e-1', 'e-2']])
    expect(seen.sort()).toEqual(['e-0', 'e-1', 'e-2'])
  })

  it('retries 5xx with backoff, reconciling first, and imports exactly once', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'server', status: 503 }, { kind: 'server', status: 502 })
    const summary = await submit(library, entries(5))
    expect(statuses(summary)).toEqual({ imported: 5 })
    expect(library.requests).toHaveLength(3)
    expect(library.lookups).toBe(2)
    expect(sleeps).toEqual([250, 500])
  })

  it('"stored, then answered 500": the lookup finds the entries and nothing is sent again', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'server', status: 500, store: true })
    const summary = await submit(library, entries(4))
    expect(library.requests).toHaveLength(1)
    expect([...summary.outcomes.values()].every((o) => o.status === 'imported' && o.confirmedBy === 'lookup')).toBe(
      true,
    )
    expect(library.entries.size).toBe(4)
  })

  it('honours Retry-After on 429 and does not look up (nothing was stored)', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'rate-limit', retryAfterMs: 2_000 })
    const summary = await submit(library, entries(2))
    expect(statuses(summary)).toEqual({ imported: 2 })
    expect(sleeps).toEqual([2_000])
    expect(library.lookups).toBe(0)
  })

  it('fails rows as retryable when Retry-After asks for longer than it will wait', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'rate-limit', retryAfterMs: 3_600_000 })
    const summary = await submit(library, entries(2), { maxRetryAfterMs: 60_000 })
    expect([...summary.outcomes.values()].map((o) => o.status === 'failed' && o.retryable)).toEqual([true, true])
  })

  it('a timeout or malformed answer after storing settles by lookup', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'timeout', store: true }, { kind: 'malformed', store: true })
    const first = await submit(library, entries(2))
    const second = await submit(library, [entry(7)])
    expect(statuses(first)).toEqual({ imported: 2 })
    expect(statuses(second)).toEqual({ imported: 1 })
    expect(library.requests).toHaveLength(2)
  })

  it('keeps failing malformed answers clearly after the last attempt', async () => {
    const library = new FakeMediaLibrary()
    for (let i = 0; i < 3; i++) library.importFaults.push({ kind: 'malformed' })
    const summary = await submit(library, entries(1), { maxAttempts: 3 })
    const outcome = summary.outcomes.get('e-0')
    expect(outcome).toMatchObject({ status: 'failed', retryable: true })
    expect(outcome?.status === 'failed' && outcome.reason).toMatch(/fake malformed Gave up after 3 attempt/)
    expect(library.entries.size).toBe(0)
  })

  it('splits on 413 until batches fit, and fails an entry too large alone', async () => {
    const library = new FakeMediaLibrary()
    const list = entries(8)
    list[5] = entry(5, { metadata: { title: 'x'.repeat(5_000) } })
    library.maxBodyBytes = 3_000
    const summary = await submit(library, list, { batchBytes: 1_000_000 })
    expect(summary.splits).toBeGreaterThan(0)
    expect(summary.outcomes.get('e-5')).toMatchObject({ status: 'failed', retryable: false })
    expect(statuses(summary)).toEqual({ imported: 7, failed: 1 })
  })

  it('stops the run on 401: nothing more is sent and every row says why', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'auth' })
    const summary = await submit(library, entries(30), { concurrency: 1 })
    expect(summary.stopped?.kind).toBe('auth')
    expect(library.requests).toHaveLength(1)
    expect(statuses(summary)).toEqual({ failed: 30 })
    const any = summary.outcomes.get('e-29')
    expect(any?.status === 'failed' && any.reason).toMatch(/^Not sent: fake 401/)
  })

  it('stops on 410 naming the version problem', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'version' })
    expect((await submit(library, entries(3))).stopped).toEqual({ kind: 'version', message: 'fake 410' })
  })

  it('maps per-entry validation errors to field issues and imports the rest', async () => {
    const library = new FakeMediaLibrary()
    const list = [entry(0), entry(1, { metadata: { title: 42 } }), entry(2)]
    const summary = await submit(library, list)
    expect(summary.outcomes.get('e-1')).toEqual({
      id: 'e-1',
      status: 'rejected',
      issues: [{ field: 'metadata.title', message: "The value of '/title' must be string", source: 'server' }],
    })
    expect(statuses(summary)).toEqual({ imported: 2, rejected: 1 })
  })

  it('our own id already in the library (answer lost earlier) counts as imported after a lookup', async () => {
    const library = new FakeMediaLibrary()
    library.seed(entry(0))
    const summary = await submit(library, [entry(0), entry(1)])
    expect(summary.outcomes.get('e-0')).toMatchObject({ status: 'imported', confirmedBy: 'lookup', mediaId: 'e-0' })
    expect(library.entries.size).toBe(2)
  })

  it('another entry under our id is a conflict on id', async () => {
    const library = new FakeMediaLibrary()
    library.seed(entry(0, { asset: { ...entry(0).asset, key: 'someone/else.pdf' }, externalId: 'other' }))
    const outcome = (await submit(library, [entry(0)])).outcomes.get('e-0')
    expect(outcome).toMatchObject({ status: 'conflict', conflict: { field: 'id', existing: { mediaId: 'e-0' } } })
  })

  it('an externalId held by another entry becomes a conflict naming it', async () => {
    const library = new FakeMediaLibrary()
    library.seed(entry(9, { externalId: 'x-0' }))
    const outcome = (await submit(library, [entry(0)])).outcomes.get('e-0')
    expect(outcome).toMatchObject({
      status: 'conflict',
      conflict: { field: 'externalId', existing: { mediaId: 'e-9', externalId: 'x-0', systemName: 'dam' } },
    })
    expect(outcome?.status === 'conflict' && outcome.issues[0]?.message).toMatch(
      /link this row to it or change the externalId/,
    )
  })

  it('entries the answer leaves out are looked up, then sent again only if absent', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'drop-items', ids: ['e-1', 'e-2'] })
    const summary = await submit(library, entries(3))
    expect(statuses(summary)).toEqual({ imported: 3 })
    // e-1 and e-2 were stored by the first request, so the lookup finds them: one request only.
    expect(library.requests).toHaveLength(1)
  })

  it('never re-sends without a lookup: when lookups fail the rows fail as retryable', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'server', status: 500 })
    for (let i = 0; i < 6; i++) library.lookupFaults.push({ kind: 'server', status: 503 })
    const summary = await submit(library, entries(2))
    expect(library.requests).toHaveLength(1)
    const outcome = summary.outcomes.get('e-0')
    expect(outcome?.status === 'failed' && outcome.reason).toMatch(
      /Could not confirm whether the server stored this entry/,
    )
  })

  it('gives every entry exactly one outcome, including duplicates in the input', async () => {
    const library = new FakeMediaLibrary()
    const summary = await submit(library, [entry(0), entry(0), entry(1)])
    expect(summary.outcomes.size).toBe(2)
    expect(summary.outcomes.get('e-0')?.status).toBe('failed')
  })

  it('stops on cancel and reports the rows as retryable', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'server', status: 503 })
    const controller = new AbortController()
    const summary = await submitEntries({
      api: library,
      entries: entries(3),
      signal: controller.signal,
      backoff: { baseMs: 10_000, maxMs: 10_000 },
      onRetry: () => controller.abort(),
    })
    expect(summary.stopped?.kind).toBe('cancelled')
    expect(statuses(summary)).toEqual({ failed: 3 })
  })

  it('re-submitting the failed rows with their ids unchanged imports them once', async () => {
    const library = new FakeMediaLibrary()
    library.importFaults.push({ kind: 'auth' })
    const first = await submit(library, entries(3))
    expect(statuses(first)).toEqual({ failed: 3 })
    const again = entries(3).filter((e) => first.outcomes.get(e.id)?.status === 'failed')
    const second = await submit(library, again)
    expect(statuses(second)).toEqual({ imported: 3 })
    expect([...library.entries.keys()].sort()).toEqual(['e-0', 'e-1', 'e-2'])
  })
})
