/**
 * The importer against the Livingdocs emulator over real HTTP when the server refuses: rejected
 * fields and conflicts, the pre-flight lookup, a read-only token, a version removed, and answers
 * lost after the entries were stored. Every row ends imported exactly once or carries its reason.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { LivingdocsClient } from '../livingdocs/client'
import { validateRows } from '../validation/validate-rows'
import { submitEntries } from './submit'
import { preflightLookup } from './preflight'
import { disposeEmulator, expectExactlyOnce, fast, rowsFor, setup } from './testing/submit-env'

afterEach(disposeEmulator)

describe('submit against the emulator: refusals and stops', () => {
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
