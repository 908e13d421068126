import { describe, expect, it } from 'vitest'
import { readProjectModel } from '../../../src-shared/project/project-model'
import { draftOf } from '../pipeline/row-assets'
import type { Row, RowEntry } from '../model/row'
import { buildEntryIndex } from './entry-index'
import { validateEntry, type ValidationInput } from './validate-entry'
import { validateRows } from './validate-rows'

const model = readProjectModel({
  settings: { languages: { available: [{ locale: 'en' }, { locale: 'de' }, { locale: 'fr' }] } },
  mediaTypes: [
    {
      handle: 'image',
      type: 'mediaImage',
      asset: { translatable: true },
      metadata: [
        { handle: 'language', type: 'li-metadata-translations' },
        { handle: 'title', type: 'li-text', config: { required: true, translatable: true, maxLength: 10 } },
        { handle: 'credit', type: 'li-text', config: { required: true, requiredErrorMessage: 'Who took it?' } },
        { handle: 'rank', type: 'li-integer', config: { maxValue: 3 } },
      ],
    },
    { handle: 'video', type: 'mediaVideo', metadata: [] },
    { handle: 'file', type: 'mediaFile', metadata: [{ handle: 'language', type: 'li-metadata-translations' }] },
    {
      handle: 'plain',
      type: 'mediaFile',
      metadata: [{ handle: 'title', type: 'li-text', config: { translatable: true } }],
    },
  ],
})

const asset = {
  key: 'k.jpg',
  url: 'http://s3/k.jpg',
  size: 1,
  width: 1,
  height: 1,
  mimeType: 'image/jpeg',
  filename: 'k.jpg',
}
const input = (over: Partial<RowEntry> = {}, rest: Partial<ValidationInput> = {}): ValidationInput => ({
  rowId: 'r1',
  entry: { id: 'e1', mediaType: 'image', metadata: { title: 'T', credit: 'C' }, translations: {}, ...over },
  asset,
  kind: 'image',
  ...rest,
})
const run = (i: ValidationInput) =>
  validateEntry(model, i, buildEntryIndex([i]), {}).map((x) => `${x.field}: ${x.message}`)

describe('validateEntry', () => {
  it('passes a complete, valid entry', () => {
    expect(run(input())).toEqual([])
  })

  it('every issue is a client issue with a field path', () => {
    const issues = validateEntry(model, input({ id: '?' }), buildEntryIndex([]))
    expect(issues.every((i) => i.source === 'client' && i.field !== '')).toBe(true)
  })

  it('requires a media type of the project', () => {
    expect(run(input({ mediaType: undefined }))).toEqual([
      'mediaType: Choose a media type (image, video, file, plain).',
    ])
    expect(run(input({ mediaType: 'audio' }))[0]).toMatch(/^mediaType: "audio" is not a media type of this project/)
  })

  it('flags a media type of another kind than the file, but lets a file type take anything', () => {
    expect(run(input({ mediaType: 'video', metadata: {} }, { asset: { ...asset, duration: 1 } }))).toEqual([
      'mediaType: This file is an image, but "video" is a video media type.',
    ])
    expect(run(input({ mediaType: 'file', metadata: {} }))).toEqual([])
  })

  it('holds back a row whose asset is not uploaded', () => {
    expect(run(input({}, { asset: undefined }))).toEqual([
      'asset: The file is not uploaded yet: it is sent once its upload has finished.',
    ])
  })

  it("names the upload's own failure instead of 'not uploaded yet', for the asset and per locale", () => {
    const bucket =
      'Bucket "nope" does not exist on http://127.0.0.1:9000. Fix the bucket in the storage profile, then retry.'
    const denied = 'Access to bucket "media-images" was denied for the keys in the profile (AccessDenied).'
    const failed = (message: string) => ({
      state: 'failed' as const,
      bytesSent: 0,
      bytesTotal: 5,
      error: { code: 'x', message, retryable: true },
    })
    const row: Row = {
      rowId: 'r1',
      path: '/in/a.jpg',
      relativePath: 'a.jpg',
      size: 5,
      mtimeMs: 1,
      status: 'upload-failed',
      kind: 'image',
      mimeType: 'image/jpeg',
      extension: 'jpg',
      width: 1,
      height: 1,
      entry: input({ translations: { fr: { metadata: { title: 'F' } } } }).entry,
      upload: failed(bucket),
      localeAssets: {
        fr: {
          path: '/in/fr.jpg',
          size: 5,
          mtimeMs: 1,
          kind: 'image',
          mimeType: 'image/jpeg',
          extension: 'jpg',
          upload: failed(denied),
        },
      },
    }
    expect(run(draftOf(row))).toEqual([
      `asset: The upload failed: ${bucket}`,
      `translations.fr.asset: The upload failed: ${denied}`,
    ])
  })

  it('checks required properties, with the project wording when it has one', () => {
    expect(run(input({ metadata: { title: ' ' } }))).toEqual([
      'metadata.title: title is required.',
      'metadata.credit: Who took it?',
    ])
  })

  it('checks values and unknown properties', () => {
    expect(run(input({ metadata: { title: 'far too long here', credit: 'C', rank: 9, colour: 'red' } }))).toEqual([
      'metadata.title: title must be at most 10 characters (has 17).',
      'metadata.rank: rank must be at most 3.',
      'metadata.colour: Media type "image" has no metadata property "colour".',
    ])
  })

  it('checks translation locales, translatable properties and translated values', () => {
    const issues = run(
      input({
        translations: {
          fr: { metadata: { title: 'Un titre' } },
          de: { metadata: { credit: 'Fotograf', title: 'Ein zu langer Titel' } },
          es: { metadata: { title: 'Un título' } },
          it: { metadata: { title: '' } },
        },
      }),
    )
    expect(issues).toEqual([
      'translations.de.metadata.credit: "credit" is not translatable in media type "image".',
      'translations.de.metadata.title: title must be at most 10 characters (has 19).',
      'translations.es: "es" is not a language of this project: use one of en, de, fr.',
    ])
  })

  it('checks per-language assets, and refuses them where the media type has none', () => {
    expect(run(input({}, { translationAssets: { fr: { ...asset, width: undefined } } }))).toEqual([
      'translations.fr.asset: The image asset has no width in pixels.',
    ])
    const fileInput = input({ mediaType: 'file', metadata: {} }, { translationAssets: { fr: asset } })
    expect(run(fileInput)).toEqual(['translations.fr.asset: Media type "file" has no per-language assets.'])
  })
})

describe('translations need li-metadata-translations', () => {
  it('refuses translations on a media type without it', () => {
    const plain = input({ mediaType: 'plain', metadata: {}, translations: { fr: { metadata: { title: 'Un titre' } } } })
    expect(run(plain)).toEqual([
      'translations.fr: Media type "plain" has no metadata translations (it lacks a li-metadata-translations property).',
    ])
  })
})

describe('validateRows', () => {
  it('validates a whole session with one index, catching duplicates across rows', () => {
    const a = input({ id: 'dup' }, { rowId: 'a' })
    const b = input({ id: 'dup' }, { rowId: 'b' })
    const c = input({ id: 'c' }, { rowId: 'c' })
    const issues = validateRows(model, [a, b, c])
    expect(issues.get('a')?.map((i) => i.field)).toEqual(['id'])
    expect(issues.get('b')?.map((i) => i.field)).toEqual(['id'])
    expect(issues.get('c')).toEqual([])
  })
})
