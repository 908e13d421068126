import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readProjectModel } from '../../../src-shared/project/project-model'
import type { MediaTypeModel } from '../model/livingdocs'
import type { EmbeddedMetadata } from '../model/probe-facts'
import { fieldInfo, fieldReader } from '../../../src-shared/prefill/exif-fields'
import { chooseMediaType, mediaTypeChoices } from './media-type'
import { prefillMetadata, shapeFor, titleFromFileName } from './prefill'

const sample = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sandbox/project-config.json'), 'utf8')),
)
const image = chooseMediaType(sample, 'image') as MediaTypeModel

const embedded: EmbeddedMetadata = {
  title: 'Lake at dawn',
  description: 'Boats on the lake',
  creator: 'Ann Example',
  credit: 'Agency',
  keywords: ['lake', 'boat'],
  dateTaken: '2024-05-06T07:08:09+02:00',
  more: { source: 'Archive' },
}

describe('prefill from exifExtraction mappings', () => {
  it('fills the sample project image type as its own upload would', () => {
    const out = prefillMetadata({ fileName: 'DSC_0001.JPG', embedded }, image)
    expect(out.mediaType).toBe('image')
    expect(out.metadata).toEqual({
      title: 'Lake at dawn',
      caption: 'Boats on the lake',
      credit: 'Agency',
      source: 'Archive',
      keywords: ['lake', 'boat'],
      dateTaken: '2024-05-06',
    })
    expect(out.sources.credit).toEqual({ from: 'embedded', field: 'Credit Line' })
    expect(out.fallback).toEqual([])
  })

  it('takes the first non-empty source per property', () => {
    const out = prefillMetadata({ fileName: 'a.jpg', embedded: { creator: 'Photographer' } }, image)
    // Credit Line is empty, so the next mapping for `credit` (Creator) wins.
    expect(out.metadata.credit).toBe('Photographer')
    expect(out.sources.credit).toEqual({ from: 'embedded', field: 'Creator' })
  })

  it('falls back to the file name for the title and says so', () => {
    const out = prefillMetadata({ fileName: 'Cafe\u0301 am See.final.jpg', embedded: { description: 'x' } }, image)
    expect(out.metadata.title).toBe('Café am See.final')
    expect(out.sources.title).toEqual({ from: 'file-name' })
    expect(out.fallback).toEqual(['title'])
  })

  it("fills videos and files through the app's own mappings (the server's exifExtraction is for images only)", () => {
    const video = chooseMediaType(sample, 'video')
    expect(prefillMetadata({ fileName: 'clip.mp4', embedded }, video)).toMatchObject({
      mediaType: 'video',
      metadata: { title: 'Lake at dawn', caption: 'Boats on the lake', credit: 'Agency' },
      fallback: [],
    })
    const file = chooseMediaType(sample, 'file')
    expect(prefillMetadata({ fileName: 'report.pdf', embedded }, file).metadata).toEqual({
      title: 'Lake at dawn',
      description: 'Boats on the lake',
    })
  })

  it('without a project config, only the title fallback is known', () => {
    expect(prefillMetadata({ fileName: 'x.png', embedded }, undefined)).toEqual({
      metadata: { title: 'x' },
      sources: { title: { from: 'file-name' } },
      fallback: ['title'],
    })
  })

  it('ignores mappings to unknown fields or properties, and values the plugin cannot hold', () => {
    const custom: MediaTypeModel = {
      ...image,
      exifMappings: [
        { field: 'Favourite Colour', property: 'title' },
        { field: 'Title', property: 'nope' },
        { field: 'Keywords', property: 'license' },
        { field: 'Title', property: 'title' },
      ],
    }
    const out = prefillMetadata({ fileName: 'a.jpg', embedded }, custom)
    expect(out.metadata).toEqual({ title: 'Lake at dawn' })
  })
})

/** The field and alias columns of the Exif Extraction table in the Livingdocs media-types reference. */
const documented = `City (legacy)|City|City legacy|cityName|Copyright Notice|rights|Country (legacy)|Country legacy|
Country/Primary Location Name|Country Code (legacy)|Country Code|Creator|By-line|Creator’s Contact Info|Creator Contact Info|
creatorContactInfo|CreatorContactInfo|Creator’s jobtitle|AuthorsPosition|By-line Title|Credit Line|Credit|Provider|
Date Created|DateCreated|Time Created|Description|Caption/Abstract|Caption|description|caption|Description Writer|
Writer/Editor|CaptionWriter|Headline|Instructions|Intellectual Genre|Object Attribute Reference|Job Id|
TransmissionReference|Original Transmission Reference|Keywords|subject|Province or State|State|Province/State|
Rights Usage Terms|UsageTerms|Scene Code|Scene|Source|Subject Code|Subject Reference|Sublocation (legacy)|Location|
Sub-location|Title|Object Name|title|Additional Model Information|AddlModelInfo|Artwork or Object in the Image|
ArtworkOrObject|Code of Organisation Featured in the Image|OrganisationInImageCode|Copyright Owner|CopyrightOwner|
CV-Term About Image|AboutCvTerm|Digital Image GUID|DigImageGUID|Digital Source Type|DigitalSourceType|
Embedded Encoded Rights Expression|EmbdEncRightsExpr|Event|Genre|Image Creator|ImageCreator|Image Rating|Rating|
Image Region|ImageRegion|Image Registry Entry|RegistryId|Image Supplier|ImageSupplier|Image Supplier Image ID|
ImageSupplierImageID|Licensor|Linked Encoded Rights Expression|LinkedEncRightsExpr|Location created|LocationCreated|
Location Shown in the Image|LocationShown|Max Avail Height|MaxAvailHeight|Max Avail Width|MaxAvailWidth|
Minor Model Age Disclosure|MinorModelAgeDisclosure|Model Age|ModelAge|Model Release Id|ModelReleaseID|
Model Release Status|ModelReleaseStatus|Name of Organisation Featured in the Image|OrganisationInImageName|
Person Shown in the Image|PersonInImage|Person Shown in the Image with Details|PersonInImageWDetails|PLUS Version|
Product Shown in the Image|ProductInImage|Property Release Id|PropertyReleaseID|Property Release Status|
PropertyReleaseStatus|Web Statement of Rights|WebStatement|Artwork or Object in the Image structure`
  .split(/[|\n]/)
  .filter(Boolean)

describe('field names and value shapes', () => {
  it('knows every field and alias the Livingdocs reference lists', () => {
    expect(documented.length).toBeGreaterThan(120)
    expect(documented.filter((name) => fieldInfo(name) === undefined)).toEqual([])
    expect(fieldReader('Provider')?.({ credit: 'Agency' })).toBe('Agency')
    expect(fieldReader('Headline')?.({ more: { headline: 'H' } })).toBe('H')
    expect(fieldReader('Person Shown in the Image')?.({ moreLists: { personShown: ['A'] } })).toEqual(['A'])
    expect(fieldReader('Time Created')?.({ dateTaken: '2024-05-06T07:08:09+02:00' })).toBe('07:08:09+02:00')
  })

  it('matches IPTC names and aliases regardless of case and punctuation', () => {
    for (const name of ['Caption/Abstract', 'caption-abstract', 'DESCRIPTION', 'dc:description']) {
      expect(fieldReader(name)?.(embedded)).toBe('Boats on the lake')
    }
    expect(fieldReader('By-line')?.(embedded)).toBe('Ann Example')
    expect(fieldReader('City (legacy)')?.({ more: { city: 'Bern' } })).toBe('Bern')
    expect(fieldReader('Shoe size')).toBeUndefined()
  })

  it('shapes values for each plugin', () => {
    expect(shapeFor({ plugin: 'li-text' }, ['a', 'b'])).toBe('a, b')
    expect(shapeFor({ plugin: 'li-string-list' }, 'a')).toEqual(['a'])
    expect(shapeFor({ plugin: 'li-date' }, '2024-05-06T07:08:09')).toBe('2024-05-06')
    expect(shapeFor({ plugin: 'li-date' }, '2024')).toBeUndefined()
    expect(shapeFor({ plugin: 'li-datetime' }, '2024-05-06T07:08:09Z')).toBe('2024-05-06T07:08:09Z')
    expect(shapeFor({ plugin: 'li-enum', allowedValues: ['cc-by'] }, 'cc-by')).toBe('cc-by')
    expect(shapeFor({ plugin: 'li-enum', allowedValues: ['cc-by'] }, 'other')).toBeUndefined()
    expect(shapeFor({ plugin: 'li-boolean' }, 'true')).toBeUndefined()
    expect(titleFromFileName('.hidden')).toBe('.hidden')
  })
})

describe('media type choice', () => {
  const twoImageTypes = {
    ...sample,
    mediaTypes: [...sample.mediaTypes, { ...image, handle: 'press-photo' }],
  }

  it('takes the profile default for the kind, else the handle named like the kind', () => {
    expect(chooseMediaType(twoImageTypes, 'image')?.handle).toBe('image')
    expect(chooseMediaType(twoImageTypes, 'image', { image: 'press-photo' })?.handle).toBe('press-photo')
    expect(chooseMediaType(twoImageTypes, 'image', { image: 'video' })?.handle).toBe('image')
    expect(chooseMediaType(undefined, 'image')).toBeUndefined()
  })

  it('lists the handles an editor may pick per row', () => {
    expect(mediaTypeChoices(twoImageTypes, 'image')).toEqual(['image', 'press-photo'])
    expect(mediaTypeChoices(undefined, 'video')).toEqual(['video'])
  })
})
