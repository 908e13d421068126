import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import {
  fileAsset,
  fileEntry,
  imageAsset,
  imageEntry,
  importResults,
  postImport,
  startTestEmulator,
  videoEntry,
} from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(async () => {
  await emu.dispose()
})

const failure = (id: string, status: number, error: string, message: string) => ({
  ok: false,
  correlation: `id: ${id}`,
  status,
  error,
  error_details: { message },
})

describe('POST import/mediaLibrary: successes', () => {
  it('stores an image, a video and a file with translations and returns each record', async () => {
    const image = imageEntry('ok-image', {
      systemName: 'tests',
      externalId: 'img-1',
      metadata: { title: 'A title', caption: 'Line 1\nLine 2', keywords: ['politics'], rating: 4, featured: true },
      translations: [{ locale: 'fr', metadata: { title: 'Un titre' }, asset: imageAsset('ok-image-fr') }],
    })
    const video = videoEntry('ok-video', { translations: [{ locale: 'de', metadata: { title: 'Ein Video' } }] })
    const file = fileEntry('ok-file', {
      translations: [{ locale: 'fr', metadata: { title: 'Un PDF' }, asset: fileAsset('ok-file-fr') }],
    })
    const results = await importResults(emu, [image, video, file])
    expect(results.map((r) => [r.ok, r.status, r.id])).toEqual([
      [true, 200, 'ok-image'],
      [true, 200, 'ok-video'],
      [true, 200, 'ok-file'],
    ])
    const record = results[0]?.record as Record<string, unknown>
    expect(record).toMatchObject({
      id: 'ok-image',
      version: 1,
      mediaType: 'image',
      systemName: 'tests',
      externalId: 'img-1',
      asset: image.asset,
      metadata: image.metadata,
      translations: image.translations,
    })
    expect(Date.parse(record.createdAt as string)).not.toBeNaN()
    expect(record.updatedAt).toBe(record.createdAt)
    expect(emu.entries().map((e) => e.id)).toEqual(expect.arrayContaining(['ok-image', 'ok-video', 'ok-file']))
  })

  it('generates an id in the custom-id alphabet when none is sent', async () => {
    const { id: _omit, ...entry } = imageEntry('unused')
    const [result] = await importResults(emu, [entry])
    expect(result?.ok).toBe(true)
    expect(result?.id).toMatch(/^[a-zA-Z0-9-]{1,32}$/)
  })

  it('answers an empty batch with an empty list', async () => {
    expect(await importResults(emu, [])).toEqual([])
  })
})

describe('POST import/mediaLibrary: response shape by version', () => {
  it('wraps in results from 2026-01 and in mediaLibraryEntries up to 2025-11', async () => {
    const modern = await postImport(emu, [imageEntry('shape-2026')], { version: '2026-01' })
    expect(Object.keys(modern.body as object)).toEqual(['results'])
    for (const version of ['2025-11', '2025-03', 'v1', 'beta']) {
      const legacy = await postImport(emu, [imageEntry(`shape-${version.replace('.', '')}`)], { version })
      expect(Object.keys(legacy.body as object)).toEqual(['mediaLibraryEntries'])
    }
  })

  it('answers a bare array for <= 2025-11 when switched to bare-array', async () => {
    emu.setLegacyShape('bare-array')
    try {
      const legacy = await postImport(emu, [imageEntry('shape-bare')], { version: '2025-09' })
      expect(Array.isArray(legacy.body)).toBe(true)
      expect((legacy.body as { id: string }[])[0]?.id).toBe('shape-bare')
      const modern = await postImport(emu, [imageEntry('shape-bare-2')], { version: '2026-03' })
      expect(Object.keys(modern.body as object)).toEqual(['results'])
    } finally {
      emu.setLegacyShape('wrapped')
    }
  })
})

describe('POST import/mediaLibrary: entry rules', () => {
  it('rejects an id outside ^[a-zA-Z0-9-]{1,32}$', async () => {
    const results = await importResults(emu, [imageEntry('has space'), imageEntry('x'.repeat(33)), imageEntry('a_b')])
    for (const r of results) {
      expect(r).toMatchObject({ ok: false, status: 400, error: 'ValidationError' })
      expect((r.error_details as { message: string }).message).toMatch(/^id must be 1 to 32 characters/)
    }
    expect(results[0]?.correlation).toBe('id: has space')
  })

  it('answers 409 for an id already in the library and for a repeat within the batch', async () => {
    await importResults(emu, [imageEntry('dup-1')])
    const results = await importResults(emu, [imageEntry('dup-1'), imageEntry('dup-2'), imageEntry('dup-2')])
    expect(results[0]).toEqual(failure('dup-1', 409, 'UniqueIdViolation', "id is not unique: 'dup-1'"))
    expect(results[1]).toMatchObject({ ok: true, id: 'dup-2' })
    expect(results[2]).toEqual(failure('dup-2', 409, 'UniqueIdViolation', "id is not unique: 'dup-2'"))
  })

  it('requires a systemName with an externalId', async () => {
    const [result] = await importResults(emu, [imageEntry('ext-no-system', { externalId: 'e1' })])
    expect(result).toEqual(
      failure('ext-no-system', 400, 'ValidationError', 'An asset with an externalId also requires a systemName'),
    )
  })

  it('answers 409 for a systemName+externalId already used, in the library or earlier in the batch', async () => {
    await importResults(emu, [imageEntry('ext-a', { systemName: 'sys', externalId: 'external-1' })])
    const results = await importResults(emu, [
      imageEntry('ext-b', { systemName: 'sys', externalId: 'external-1' }),
      imageEntry('ext-c', { systemName: 'other', externalId: 'external-1' }),
      imageEntry('ext-d', { systemName: 'other', externalId: 'external-1' }),
    ])
    expect(results[0]).toEqual(failure('ext-b', 409, 'UniqueIdViolation', "externalId is not unique: 'external-1'"))
    expect(results[1]).toMatchObject({ ok: true, id: 'ext-c' })
    expect(results[2]).toEqual(failure('ext-d', 409, 'UniqueIdViolation', "externalId is not unique: 'external-1'"))
  })

  it('rejects a mediaType that is not a handle of the project, and a missing one', async () => {
    const results = await importResults(emu, [
      imageEntry('mt-bad', { mediaType: 'mediaImage' }),
      // undefined is left out by JSON.stringify: the entry has no mediaType at all.
      imageEntry('mt-none', { mediaType: undefined }),
    ])
    expect(results[0]).toEqual(
      failure(
        'mt-bad',
        400,
        'ValidationError',
        'mediaType "mediaImage" is not a media type of the project (one of image, video, file)',
      ),
    )
    expect(results[1]).toEqual(
      failure('mt-none', 400, 'ValidationError', 'mediaType is required (one of image, video, file)'),
    )
  })

  it('rejects an unknown field on the entry', async () => {
    const [result] = await importResults(emu, [imageEntry('extra-field', { title: 'misplaced' })])
    expect((result?.error_details as { message: string }).message).toMatch(/^title is not allowed in an entry/)
  })

  it('stores the valid entries of a batch and reports the others (partial success)', async () => {
    const before = emu.entries().length
    const results = await importResults(emu, [imageEntry('part-ok'), imageEntry('part bad'), videoEntry('part-ok-2')])
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(emu.entries().length).toBe(before + 2)
    expect(emu.entries().some((e) => e.id === 'part bad')).toBe(false)
  })
})
