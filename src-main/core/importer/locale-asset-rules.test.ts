import { describe, expect, it } from 'vitest'
import { imageRow, sandboxProject } from '../editing/testing/rows'
import { localeAssetRefusal, localeFileRefusal } from './locale-asset-rules'

const video = (n: number) =>
  imageRow(n, { mediaType: 'video' }, { kind: 'video', relativePath: `Reportage/clip${n}.mp4`, mimeType: 'video/mp4' })

describe('localeAssetRefusal', () => {
  it('lets a row of an image type with a translatable asset take a file in a project language', () => {
    expect(localeAssetRefusal(sandboxProject, imageRow(1), 'fr')).toBeUndefined()
    expect(localeAssetRefusal(sandboxProject, imageRow(1, { mediaType: 'file' }), 'de')).toBeUndefined()
  })

  it('refuses imported rows, rows being sent, and rows without an entry, naming the row', () => {
    const imported = imageRow(2, {}, { status: 'imported', result: { mediaId: 'm-2', record: {} } })
    expect(localeAssetRefusal(sandboxProject, imported, 'fr')).toBe(
      "Reportage/IMG_0002.jpg is already imported (media id m-2); its fr file can no longer change: Livingdocs' API replaces only an entry's main file (replaceAsset takes no language). Change it in Livingdocs.",
    )
    expect(localeAssetRefusal(sandboxProject, imageRow(3, {}, { status: 'submitting' }), 'fr')).toMatch(
      /IMG_0003\.jpg is being sent right now; wait/,
    )
    const { entry: _entry, ...skipped } = imageRow(4, {}, { status: 'skipped' })
    expect(localeAssetRefusal(sandboxProject, skipped, 'fr')).toMatch(/has no entry \(it is skipped\)/)
  })

  it('refuses media types whose asset is not translatable, with the reason', () => {
    expect(localeAssetRefusal(sandboxProject, video(5), 'fr')).toBe(
      'Media type "Video" keeps one file for all languages (its asset is not translatable in the project config), so Reportage/clip5.mp4 cannot have a fr file.',
    )
  })

  it('refuses locales the project does not have and rows without a known media type', () => {
    expect(localeAssetRefusal(sandboxProject, imageRow(6), 'it')).toBe(
      '"it" is not a language of this project: use one of en, de, fr.',
    )
    expect(localeAssetRefusal(sandboxProject, imageRow(7, { mediaType: 'poster' }), 'fr')).toMatch(
      /media type "poster" is not in this project/,
    )
    expect(localeAssetRefusal(undefined, imageRow(8), 'fr')).toMatch(/No Livingdocs project is connected/)
  })
})

describe('localeFileRefusal', () => {
  it('takes a file of the kind the media type stores; a file type takes any file', () => {
    expect(localeFileRefusal(sandboxProject, imageRow(1), 'fr', { path: '/in/fr.jpg', kind: 'image' })).toBeUndefined()
    const fileRow = imageRow(2, { mediaType: 'file' })
    expect(localeFileRefusal(sandboxProject, fileRow, 'fr', { path: '/in/fr.mp4', kind: 'video' })).toBeUndefined()
  })

  it('says which file is of the wrong kind and what the row takes', () => {
    expect(localeFileRefusal(sandboxProject, imageRow(1), 'fr', { path: '/in/fr/clip.mp4', kind: 'video' })).toBe(
      'clip.mp4 is a video; Reportage/IMG_0001.jpg is of media type "Image", which takes an image for its fr file. Choose an image file.',
    )
  })
})
