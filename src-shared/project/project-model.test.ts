import { describe, expect, it } from 'vitest'
import { defaultMediaTypeFor, findMediaType, readProjectModel } from './project-model'

const config = {
  v: 2,
  settings: {
    languages: {
      available: [
        { label: 'English', locale: 'en' },
        { label: 'Deutsch', locale: 'de' },
        { label: 'Français', locale: 'fr' },
      ],
      defaultLanguage: { label: 'English', locale: 'en' },
    },
  },
  mediaTypes: [
    {
      handle: 'image',
      type: 'mediaImage',
      info: { label: 'Image' },
      asset: { translatable: true, replaceable: true },
      metadata: [
        { handle: 'language', type: 'li-metadata-translations' },
        {
          handle: 'title',
          type: 'li-text',
          config: { required: true, requiredErrorMessage: 'Give it a title', maxLength: 200, translatable: true },
        },
        {
          handle: 'caption',
          type: 'li-text',
          config: { allowNewlines: false, minLength: 3 },
          ui: { label: 'Caption' },
        },
        {
          handle: 'category',
          type: 'li-enum',
          config: { dataProvider: { type: 'labelValuePair', items: [{ label: 'A', value: 'a' }, { value: 'b' }] } },
        },
        { handle: 'rank', type: 'li-integer', config: { minValue: 1, maxValue: 5 } },
        { handle: 'numbers', type: 'li-numeric-list', config: { maxItems: 3 } },
        { handle: 'broken' },
      ],
      exifExtraction: { mappings: [{ field: 'Title', metadataPropertyName: 'title' }, { field: 'x' }] },
    },
    { handle: 'press-photo', type: 'mediaImage', metadata: [] },
    { handle: 'video', type: 'mediaVideo', metadata: [{ handle: 'title', type: 'li-text' }] },
    {
      handle: 'file',
      type: 'mediaFile',
      exifExtraction: { mappings: [{ field: 'Title', metadataPropertyName: 't' }] },
    },
    { handle: 'odd', type: 'mediaAudio' },
  ],
}

describe('readProjectModel', () => {
  const model = readProjectModel(config)

  it('reads media types with their kind, skipping unknown types', () => {
    expect(model.mediaTypes.map((t) => [t.handle, t.kind])).toEqual([
      ['image', 'image'],
      ['press-photo', 'image'],
      ['video', 'video'],
      ['file', 'file'],
    ])
  })

  it('reads properties with the config that can reject values', () => {
    const image = findMediaType(model, 'image')
    expect(image?.assetTranslatable).toBe(true)
    expect(image?.translationsEnabled).toBe(true)
    expect(findMediaType(model, 'video')?.translationsEnabled).toBe(false)
    expect(image?.properties.slice(1)).toEqual([
      {
        handle: 'title',
        plugin: 'li-text',
        label: 'title',
        required: true,
        requiredMessage: 'Give it a title',
        translatable: true,
        maxLength: 200,
      },
      {
        handle: 'caption',
        plugin: 'li-text',
        label: 'Caption',
        required: false,
        translatable: false,
        minLength: 3,
        allowNewlines: false,
      },
      {
        handle: 'category',
        plugin: 'li-enum',
        label: 'category',
        required: false,
        translatable: false,
        allowedValues: ['a', 'b'],
      },
      {
        handle: 'rank',
        plugin: 'li-integer',
        label: 'rank',
        required: false,
        translatable: false,
        minValue: 1,
        maxValue: 5,
      },
      {
        handle: 'numbers',
        plugin: 'li-numeric-list',
        label: 'numbers',
        required: false,
        translatable: false,
        maxItems: 3,
      },
    ])
  })

  it('reads EXIF mappings for images only', () => {
    expect(findMediaType(model, 'image')?.exifMappings).toEqual([{ field: 'Title', property: 'title' }])
    expect(findMediaType(model, 'file')?.exifMappings).toEqual([])
  })

  it('reads the languages', () => {
    expect(model.languages).toEqual({ locales: ['en', 'de', 'fr'], defaultLocale: 'en' })
  })

  it('accepts a wrapped config', () => {
    expect(readProjectModel({ projectConfig: config }).mediaTypes).toHaveLength(4)
  })

  it('falls back to the default image type when the project configures none', () => {
    const fallback = readProjectModel({ settings: {} })
    expect(fallback.mediaTypes.map((t) => t.handle)).toEqual(['image'])
    expect(fallback.mediaTypes[0]?.properties.map((p) => p.handle)).toEqual([
      'title',
      'caption',
      'source',
      'description',
    ])
    expect(fallback.languages).toEqual({ locales: [] })
  })

  it('picks the default media type per kind: the one named like the kind, else the first', () => {
    expect(defaultMediaTypeFor(model, 'image')?.handle).toBe('image')
    const noPlainImage = readProjectModel({ mediaTypes: [{ handle: 'photo', type: 'mediaImage' }] })
    expect(defaultMediaTypeFor(noPlainImage, 'image')?.handle).toBe('photo')
    expect(defaultMediaTypeFor(noPlainImage, 'video')).toBeUndefined()
  })
})
