import { describe, expect, it } from 'vitest'
import type { ProjectModel, Row } from '../../../src-main/contract'
import { localeAssetView } from './locale-asset-view'
import { filledRow } from '../../../src-shared/rows/testing/example-rows'

const project: ProjectModel = {
  languages: { locales: ['en', 'fr'] },
  mediaTypes: [
    {
      handle: 'image',
      kind: 'image',
      label: 'Image',
      assetTranslatable: true,
      translationsEnabled: true,
      properties: [],
      exifMappings: [],
    },
    {
      handle: 'video',
      kind: 'video',
      label: 'Video',
      assetTranslatable: false,
      translationsEnabled: true,
      properties: [],
      exifMappings: [],
    },
  ],
}

const row = (change: Partial<Row> = {}): Row =>
  filledRow({
    rowId: 'r1',
    path: '/drop/a.jpg',
    relativePath: 'drop/a.jpg',
    size: 10,
    mtimeMs: 0,
    status: 'uploaded',
    kind: 'image',
    entry: { id: 'e1', mediaType: 'image', metadata: {}, translations: {} },
    ...change,
  })

const asset = (upload?: NonNullable<Row['upload']>) => ({
  path: '/in/fr/affiche.jpg',
  size: 10,
  mtimeMs: 0,
  kind: 'image' as const,
  mimeType: 'image/jpeg',
  extension: 'jpg',
  ...(upload ? { upload } : {}),
})

describe('localeAssetView', () => {
  it('offers a choice on an empty cell of a type with per-language files', () => {
    expect(localeAssetView(row(), 'fr', project)).toEqual({ fileName: '', state: '', applies: true })
  })

  it('shows the file and its upload', () => {
    const uploading = row({ localeAssets: { fr: asset({ state: 'uploading', bytesSent: 5, bytesTotal: 10 }) } })
    expect(localeAssetView(uploading, 'fr', project)).toMatchObject({ fileName: 'affiche.jpg', state: '50%' })
    expect(localeAssetView(row({ localeAssets: { fr: asset() } }), 'fr', project).state).toBe('Waiting')
  })

  it('says what failed and what to do', () => {
    const error = { code: 'denied', message: 'The bucket refused the key.', retryable: false }
    const failed = row({ localeAssets: { fr: asset({ state: 'failed', bytesSent: 0, bytesTotal: 10, error }) } })
    expect(localeAssetView(failed, 'fr', project)).toMatchObject({
      state: 'Failed',
      problem: 'The fr file affiche.jpg did not upload: The bucket refused the key. Choose it again or another file.',
    })
  })

  it('locks imported rows and types that keep one file for all languages, saying why', () => {
    const imported = row({ status: 'imported', result: { mediaId: 'm-9', record: {} } })
    expect(localeAssetView(imported, 'fr', project).locked).toBe(
      "Imported (media id m-9); its fr file can no longer change: Livingdocs' API replaces only an entry's main file.",
    )
    const video = row({ entry: { id: 'e', mediaType: 'video', metadata: {}, translations: {} } })
    expect(localeAssetView(video, 'fr', project)).toMatchObject({
      applies: false,
      locked: 'Media type "Video" keeps one file for all languages.',
    })
    expect(localeAssetView(row(), 'fr', null).locked).toBe('Choose the media type first.')
  })
})
