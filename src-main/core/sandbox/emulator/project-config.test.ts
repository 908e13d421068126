import { describe, expect, it } from 'vitest'
import { checkProjectConfig, loadSampleProjectConfig } from './project-config'
import { imageAsset, importResults, startTestEmulator } from './testing'
import type { ProjectConfig } from './types'

describe('sample project config', () => {
  const config = loadSampleProjectConfig()
  const mediaType = (handle: string) => config.mediaTypes.find((t) => t.handle === handle)
  const property = (type: string, handle: string) => mediaType(type)?.metadata.find((p) => p.handle === handle)

  it('has languages en/de/fr with en as default, and image/video/file media types', () => {
    expect(config.settings.languages?.available.map((l) => l.locale)).toEqual(['en', 'de', 'fr'])
    expect(config.settings.languages?.defaultLanguage.locale).toBe('en')
    expect(config.mediaTypes.map((t) => [t.handle, t.type])).toEqual([
      ['image', 'mediaImage'],
      ['video', 'mediaVideo'],
      ['file', 'mediaFile'],
    ])
  })

  it('gives every type a required, translatable, single-line title and a metadata-translations property', () => {
    for (const handle of ['image', 'video', 'file']) {
      expect(property(handle, 'title')).toMatchObject({
        type: 'li-text',
        config: { required: true, translatable: true, maxLength: 200, allowNewlines: false },
      })
      expect(mediaType(handle)?.metadata.some((p) => p.type === 'li-metadata-translations')).toBe(true)
    }
  })

  it('maps IPTC fields onto image properties that exist', () => {
    const image = mediaType('image')
    const mappings = image?.exifExtraction?.mappings ?? []
    expect(mappings.length).toBeGreaterThan(0)
    for (const mapping of mappings) expect(property('image', mapping.metadataPropertyName)).toBeDefined()
    expect(image?.asset?.translatable).toBe(true)
  })
})

describe('checkProjectConfig', () => {
  it('names what is wrong', () => {
    expect(() =>
      checkProjectConfig({ settings: {}, mediaTypes: [{ handle: 'image', type: 'image', metadata: [] }] }),
    ).toThrow('Invalid project config: mediaTypes[0].type must be one of mediaImage, mediaVideo, mediaFile')
    expect(() => checkProjectConfig({ settings: {} })).toThrow('mediaTypes must be an array')
  })
})

describe('a custom project config', () => {
  it('is served and drives validation (custom handle, requiredErrorMessage, minLength)', async () => {
    const custom: ProjectConfig = {
      settings: {},
      mediaTypes: [
        {
          handle: 'press-photo',
          type: 'mediaImage',
          metadata: [
            {
              handle: 'headline',
              type: 'li-text',
              config: { required: true, requiredErrorMessage: 'A headline is needed', minLength: 5 },
            },
          ],
        },
      ],
    }
    const emu = await startTestEmulator({ projectConfig: custom })
    try {
      const served = await fetch(`${emu.url}/api/2026-07/projectConfig`, {
        headers: { authorization: `Bearer ${emu.token}` },
      })
      expect(await served.json()).toEqual(custom)
      const entry = (id: string, metadata: object) => ({
        id,
        mediaType: 'press-photo',
        asset: imageAsset(id),
        metadata,
      })
      const [missing, short, good] = await importResults(emu, [
        entry('c-1', {}),
        entry('c-2', { headline: 'abc' }),
        entry('c-3', { headline: 'A proper headline' }),
      ])
      expect(missing?.error_details).toEqual({
        message: 'Metadata validation failed.',
        errors: [{ metadataProperty: 'headline', message: 'A headline is needed' }],
      })
      expect(short?.error_details).toMatchObject({
        errors: [
          { metadataProperty: 'headline', message: "The value of '/headline' must NOT have fewer than 5 characters" },
        ],
      })
      expect(good).toMatchObject({ ok: true, record: { mediaType: 'press-photo' } })
    } finally {
      await emu.dispose()
    }
  })
})
