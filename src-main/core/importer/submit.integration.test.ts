/**
 * The importer against the Livingdocs emulator over real HTTP, with its fault queue: 5xx, 429 +
 * Retry-After, stalled answers (client timeouts), malformed JSON, "stored, then answered 500" and
 * dropped connections. Whatever happens, every row ends imported exactly once — the emulator
 * holds exactly one entry per row — or carries its reason.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { buildImportEntry, type EntryDraft } from '../livingdocs/entry-builder'
import { LivingdocsClient } from '../livingdocs/client'
import { findMediaType } from '../livingdocs/project-model'
import type { ImportEntry, ProjectModel } from '../livingdocs/types'
import type { Fault } from '../sandbox/emulator'
import { startTestEmulator, type TestEmulator } from '../sandbox/emulator/testing'
import type { MediaKind } from '../session/row'
import { validateRows } from '../validation/validate-rows'
import { submitEntries, type SubmitOptions, type SubmitSummary } from './submit'
import { preflightLookup } from './preflight'

let emulator: TestEmulator | undefined
afterEach(async () => {
  await emulator?.dispose()
  emulator = undefined
})

const KINDS: MediaKind[] = ['image', 'video', 'file']
const MIME: Record<MediaKind, string> = { image: 'image/jpeg', video: 'video/mp4', file: 'application/pdf' }

/** Rows as the app has them after upload: an entry draft with an asset, validated client-side, then built. */
function rowsFor(
  model: ProjectModel,
  count: number,
  prefix = 'row',
): { drafts: (EntryDraft & { rowId: string })[]; entries: ImportEntry[] } {
  const drafts = Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % 3] ?? 'file'
    const ext = { image: 'jpg', video: 'mp4', file: 'pdf' }[kind]
    const key = `2026/11/26/${prefix}-${i}.${ext}`
    return {
      rowId: `${prefix}-${i}`,
      kind,
      entry: {
        id: `${prefix}-${i}`,
        mediaType: kind,
        externalId: `ext-${prefix}-${i}`,
        metadata: { title: `Title ${i}`, caption: kind === 'file' ? undefined : `Caption ${i}` },
        translations: { fr: { metadata: { title: `Titre ${i}` } } },
      },
      asset: {
        key,
        url: `http://127.0.0.1:9/${key}`,
        size: 1000 + i,
        width: 640,
        height: 480,
        duration: 3.5,
        mimeType: MIME[kind],
        filename: `${prefix}-${i}.${ext}`,
      },
    }
  })
  const issues = validateRows(model, drafts, { defaultSystemName: 'integration' })
  for (const [rowId, list] of issues) if (list.length > 0) throw new Error(`${rowId}: ${JSON.stringify(list)}`)
  const entries = drafts.map((d) => {
    const type = findMediaType(model, d.entry.mediaType)
    if (!type) throw new Error('no media type')
    return buildImportEntry(d, type.kind, 'integration')
  })
  return { drafts, entries }
}

async function setup(
  options: Parameters<typeof startTestEmulator>[0] = {},
  clientOptions: Partial<ConstructorParameters<typeof LivingdocsClient>[0]> = {},
) {
  emulator = await startTestEmulator(options)
  const client = new LivingdocsClient({
    url: emulator.url,
    token: emulator.token,
    apiVersion: 'auto',
    ...clientOptions,
  })
  const model = await client.getProjectModel()
  return { emulator, client, model }
}

const fast: Partial<SubmitOptions> = { backoff: { baseMs: 20, maxMs: 200 }, batchSize: 20 }

function expectExactlyOnce(em: TestEmulator, entries: ImportEntry[], summary: SubmitSummary): void {
  const stored = em.entries()
  const storedIds = stored.map((e) => e.id)
  expect(new Set(storedIds).size).toBe(storedIds.length)
  expect(storedIds.sort()).toEqual(entries.map((e) => e.id).sort())
  for (const e of entries) expect(summary.outcomes.get(e.id)?.status).toBe('imported')
  // The stored asset is exactly what was sent: the declared key, size and MIME.
  const byId = new Map(stored.map((e) => [e.id, e]))
  for (const e of entries) {
    expect(byId.get(e.id)?.asset).toEqual(e.asset)
    expect(byId.get(e.id)?.externalId).toBe(e.externalId)
  }
}

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

  it('maps server refusals to fields and conflicts, importing the rest', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 6)
    // Taken externalId: another entry in the library already holds ext-row-2.
    const holder = { ...entries[2]!, id: 'holder-1', asset: { ...entries[2]!.asset, key: 'other/holder.jpg' } }
    await submitEntries({ api: client, entries: [holder], ...fast })
    const bad = structuredClone(entries)
    bad[0]!.metadata.title = 42
    bad[1]!.translations = [{ locale: 'fr', metadata: { credit: 'not translatable' } }]
    const summary = await submitEntries({ api: client, entries: bad, ...fast })
    expect(summary.outcomes.get('row-0')).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'metadata.title', source: 'server' }],
    })
    expect(summary.outcomes.get('row-1')).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'translations.fr.metadata.credit', source: 'server' }],
    })
    expect(summary.outcomes.get('row-2')).toMatchObject({
      status: 'conflict',
      conflict: { field: 'externalId', existing: { mediaId: 'holder-1', externalId: 'ext-row-2' } },
    })
    expect(['row-3', 'row-4', 'row-5'].map((id) => summary.outcomes.get(id)?.status)).toEqual([
      'imported',
      'imported',
      'imported',
    ])
    expect(em.entries()).toHaveLength(4)
  })

  it('pre-flight lookup finds externalIds the library already holds', async () => {
    const { client, model } = await setup()
    const { drafts, entries } = rowsFor(model, 4)
    await submitEntries({ api: client, entries: entries.slice(0, 2), ...fast })
    const found = await preflightLookup(
      client,
      drafts.map((d) => d.entry),
      { defaultSystemName: 'integration' },
    )
    expect(found.map((e) => e.id).sort()).toEqual(['row-0', 'row-1'])
    const issues = validateRows(
      model,
      drafts.map((d) => ({ ...d, entry: { ...d.entry, id: `new-${d.rowId}` } })),
      {
        defaultSystemName: 'integration',
        library: found,
      },
    )
    expect(issues.get('row-0')?.map((i) => i.field)).toEqual(['externalId'])
    expect(issues.get('row-3')).toEqual([])
  })

  it('403 with a read-only token stops the run; re-submitting with the right token imports each once', async () => {
    const { emulator: em, model } = await setup()
    const readOnly = new LivingdocsClient({ url: em.url, token: em.readOnlyToken, apiVersion: '2026-05' })
    const { entries } = rowsFor(model, 50)
    const first = await submitEntries({ api: readOnly, entries, ...fast })
    expect(first.stopped?.kind).toBe('auth')
    expect(first.stopped?.message).toMatch(/403/)
    expect(first.stopped?.message).not.toContain(em.readOnlyToken)
    expect(em.requests.count('POST import/mediaLibrary')).toBeLessThanOrEqual(2)
    const failed = entries.filter((e) => first.outcomes.get(e.id)?.status === 'failed')
    expect(failed).toHaveLength(50)
    const good = new LivingdocsClient({ url: em.url, token: em.token, apiVersion: '2026-05' })
    const second = await submitEntries({ api: good, entries: failed, ...fast })
    expectExactlyOnce(em, entries, second)
  })

  it('a re-submit of rows already stored (answer lost) confirms them instead of duplicating', async () => {
    const { emulator: em, client, model } = await setup()
    const { entries } = rowsFor(model, 30)
    await submitEntries({ api: client, entries, ...fast })
    const again = await submitEntries({ api: client, entries, ...fast })
    expect([...again.outcomes.values()].every((o) => o.status === 'imported' && o.confirmedBy === 'lookup')).toBe(true)
    expect(em.entries()).toHaveLength(30)
  })

  for (const [version, shape] of [
    ['2025-11', 'wrapped'],
    ['2025-03', 'bare-array'],
  ] as const) {
    it(`reads the ${version} answers (${shape}) including lookups after a fault`, async () => {
      const { emulator: em, model } = await setup({ legacyShape: shape })
      const client = new LivingdocsClient({ url: em.url, token: em.token, apiVersion: version })
      const { entries } = rowsFor(model, 25)
      em.faults.push({ storeThenFail: 500 })
      const summary = await submitEntries({ api: client, entries, ...fast })
      expectExactlyOnce(em, entries, summary)
    })
  }

  it('410 (the version was removed from the server) stops the run naming the version', async () => {
    const { emulator: em, model } = await setup()
    // The emulator serves 2026-05; this client's requests land on a removed version's path instead.
    const client = new LivingdocsClient({
      url: em.url,
      token: em.token,
      apiVersion: '2026-05',
      fetch: (url, init) => fetch(url.replace('/api/2026-05/', '/api/2024-11/'), init),
    })
    const { entries } = rowsFor(model, 3)
    const summary = await submitEntries({ api: client, entries, ...fast })
    expect(summary.stopped?.kind).toBe('version')
    expect(summary.stopped?.message).toMatch(/410 Gone.*API version 2026-05/)
    expect(em.entries()).toHaveLength(0)
  })
})
