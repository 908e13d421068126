/**
 * Set-up of the submit tests against the Livingdocs emulator (`submit.integration.test.ts`,
 * `submit-refusals.integration.test.ts`): an emulator per test, rows built as the app builds them,
 * and the check that every entry is stored exactly once, as sent.
 */
import { expect } from 'vitest'
import { buildImportEntry, type EntryDraft } from '../../livingdocs/entry-builder'
import { LivingdocsClient } from '../../livingdocs/client'
import { findMediaType } from '../../../../src-shared/project/project-model'
import type { ImportEntry, ProjectModel } from '../../model/livingdocs'
import { startTestEmulator, type TestEmulator } from '../../sandbox/emulator/testing'
import type { MediaKind } from '../../model/row'
import { validateRows } from '../../validation/validate-rows'
import type { SubmitOptions, SubmitSummary } from '../submit'

let emulator: TestEmulator | undefined

/** For `afterEach`: the emulator the last `setup` started is stopped. */
export async function disposeEmulator(): Promise<void> {
  await emulator?.dispose()
  emulator = undefined
}

const KINDS: MediaKind[] = ['image', 'video', 'file']
const MIME: Record<MediaKind, string> = { image: 'image/jpeg', video: 'video/mp4', file: 'application/pdf' }

/** Rows as the app has them after upload: an entry draft with an asset, validated client-side, then built. */
export function rowsFor(
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

export async function setup(
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

export const fast: Partial<SubmitOptions> = { backoff: { baseMs: 20, maxMs: 200 }, batchSize: 20 }

export function expectExactlyOnce(em: TestEmulator, entries: ImportEntry[], summary: SubmitSummary): void {
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
