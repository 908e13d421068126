/**
 * Prefill on JPEGs exiftool writes as agencies and cameras do (issue #20): the Headline beats an
 * agency job id in Object Name, camera boilerplate is no caption, an over-long headline becomes a
 * shortened, marked title that does not hold the row back, and each value says where it was read.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readProjectModel } from '../../../src-shared/project/project-model'
import type { MediaTypeModel } from '../model/livingdocs'
import { makeImage, tag } from '../probe/fixtures/generate'
import { probe, tempDir, type TempDir } from '../probe/testing/probe-helpers'
import { metadataIssues } from '../validation/metadata-rules'
import { chooseMediaType } from './media-type'
import { prefillMetadata } from './prefill'

const sample = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sandbox/project-config.json'), 'utf8')),
)
const sandboxImage = chooseMediaType(sample, 'image') as MediaTypeModel
/** The sandbox's image type with the app's own mappings (a project that configures none). */
const defaultsImage: MediaTypeModel = { ...sandboxImage, exifMappings: [] }

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('prefill-files')
})
afterAll(async () => dir.remove())

async function jpeg(name: string, tags: string[]) {
  const path = await tag(await makeImage(dir.path(name), 16, 16), tags)
  const result = await probe(path)
  return { fileName: name, embedded: result.embedded ?? {} }
}

/** 250 characters: 31 × "herring " and "ok". */
const longHeadline = `${'herring '.repeat(31)}ok`

describe('prefill from files exiftool wrote', () => {
  it('takes the Headline before an agency job id in Object Name, and says where it was read', async () => {
    const file = await jpeg('agency.jpg', ['-XMP-photoshop:Headline=Harbour at dawn', '-IPTC:ObjectName=01661gdx'])
    const out = prefillMetadata(file, defaultsImage)
    expect(out.metadata.title).toBe('Harbour at dawn')
    expect(out.sources.title).toEqual({ from: 'embedded', field: 'Headline', origin: 'XMP photoshop:Headline' })
    // The sandbox project lists Headline first itself; a project's own order is kept as configured.
    expect(prefillMetadata(file, sandboxImage).metadata.title).toBe('Harbour at dawn')
    const titleFirst = {
      ...sandboxImage,
      exifMappings: sandboxImage.exifMappings.filter((m) => m.field !== 'Headline'),
    }
    expect(prefillMetadata(file, titleFirst).sources.title).toEqual({
      from: 'embedded',
      field: 'Title',
      origin: 'IPTC Object Name',
    })
  })

  it('gives no caption for camera boilerplate, in EXIF or copied into IPTC', async () => {
    const file = await jpeg('olympus.jpg', [
      '-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA         ',
      '-IPTC:Caption-Abstract=OLYMPUS DIGITAL CAMERA',
    ])
    expect(file.embedded.description).toBeUndefined()
    const out = prefillMetadata(file, defaultsImage)
    expect(out.metadata.caption).toBeUndefined()
    expect(out.metadata.title).toBe('olympus')
    const real = await jpeg('real.jpg', ['-EXIF:ImageDescription=SONY DSC', '-IPTC:Caption-Abstract=Boats on the lake'])
    expect(prefillMetadata(real, defaultsImage).sources.caption).toEqual({
      from: 'embedded',
      field: 'Description',
      origin: 'IPTC Caption-Abstract',
    })
  })

  it('shortens a 250-character headline to the title limit at a word, marks it, and does not block the row', async () => {
    const file = await jpeg('long.jpg', [`-XMP-photoshop:Headline=${longHeadline}`])
    const out = prefillMetadata(file, defaultsImage)
    const title = out.metadata.title as string
    expect([...title].length).toBeLessThanOrEqual(200)
    expect(title).toMatch(/ herring…$/)
    expect(longHeadline.startsWith(title.slice(0, -1))).toBe(true)
    expect(out.sources.title).toMatchObject({ from: 'embedded', origin: 'XMP photoshop:Headline', shortenedFrom: 250 })
    const entry = { id: 'e1', mediaType: 'image', metadata: out.metadata, translations: {} }
    expect(metadataIssues(sample, sandboxImage, { entry }).filter((i) => i.field === 'metadata.title')).toEqual([])
  })

  it('reads IPTC Extension and PLUS fields the Livingdocs mappings name', async () => {
    const file = await jpeg('extension.jpg', [
      '-XMP-iptcExt:PersonInImage=Ann Example',
      '-XMP-iptcExt:PersonInImage=Bo Example',
      '-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
      '-XMP-iptcExt:Event=Harbour festival',
      '-XMP-plus:ModelReleaseStatus#=MR-NON',
      '-XMP-xmpRights:WebStatement=https://example.com/rights',
      '-XMP-iptcCore:IntellectualGenre=Feature',
      '-IPTC:SubjectReference=IPTC:04000000',
    ])
    expect(file.embedded.moreLists).toMatchObject({
      personShown: ['Ann Example', 'Bo Example'],
      subjectCode: ['IPTC:04000000'],
    })
    expect(file.embedded.more).toMatchObject({
      digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
      event: 'Harbour festival',
      modelReleaseStatus: 'http://ns.useplus.org/ldf/vocab/MR-NON',
      webStatement: 'https://example.com/rights',
      intellectualGenre: 'Feature',
    })
    const mapped: MediaTypeModel = {
      ...sandboxImage,
      exifMappings: [
        { field: 'Person Shown in the Image', property: 'keywords' },
        { field: 'Digital Source Type', property: 'caption' },
        { field: 'Event', property: 'title' },
      ],
    }
    const out = prefillMetadata(file, mapped)
    expect(out.metadata).toMatchObject({
      keywords: ['Ann Example', 'Bo Example'],
      caption: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture',
      title: 'Harbour festival',
    })
    expect(out.sources.keywords).toMatchObject({ origin: 'XMP Iptc4xmpExt:PersonInImage' })
  })

  it('reads IPTC structures by the field that names them: Copyright Owner, Licensor, places, artwork', async () => {
    const file = await jpeg('structs.jpg', [
      '-XMP-plus:CopyrightOwnerName=Ann Example',
      '-XMP-plus:LicensorName=Example Licensing AG',
      '-XMP-iptcExt:LocationCreatedCity=Bern',
      '-XMP-iptcExt:LocationCreatedCountryName=Switzerland',
      '-XMP-iptcExt:ArtworkTitle=Harbour in winter',
      '-XMP-iptcCore:CreatorWorkEmail=ann@example.com',
    ])
    expect(file.embedded.moreLists).toMatchObject({
      copyrightOwner: ['Ann Example'],
      licensor: ['Example Licensing AG'],
      locationCreated: ['Bern, Switzerland'],
      artworkOrObject: ['Harbour in winter'],
      creatorContactInfo: ['ann@example.com'],
    })
    const mapped: MediaTypeModel = {
      ...sandboxImage,
      exifMappings: [
        { field: 'Copyright Owner', property: 'credit' },
        { field: 'Licensor', property: 'source' },
        { field: 'Location created', property: 'caption' },
      ],
    }
    const out = prefillMetadata(file, mapped)
    expect(out.metadata).toMatchObject({
      credit: 'Ann Example',
      source: 'Example Licensing AG',
      caption: 'Bern, Switzerland',
    })
    expect(out.sources.credit).toMatchObject({ origin: 'XMP plus:CopyrightOwner' })
  })
})
