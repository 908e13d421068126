/**
 * Reconciles EXIF, IPTC-IIM and XMP into one value per field, by the Metadata Working Group's
 * "Guidelines for Handling Image Metadata" 2.0 §4.1 as ExifTool implements them (MWG.pm):
 * - description, creator, copyright, date taken: a non-blank EXIF value wins;
 * - otherwise XMP wins, unless the IIM was edited last by a program that ignores XMP (its
 *   stored digest no longer matches), then IIM wins (or XMP where IIM is merely its truncation);
 * - title, credit, keywords have no EXIF form: XMP vs IIM by the same digest rule;
 * - GPS: EXIF, then XMP.
 */
import type { EmbeddedMetadata, ExtraIptcField, ExtraIptcListField, GpsPosition } from '../../model/probe-facts'
import { meaningfulText } from './camera-boilerplate'
import { exifDate, iimDate, xmpDate } from './dates'
import type { ExifTags } from './exif-tags'
import { plausible, xmpCoordinate } from './gps'
import { IIM } from './iptc-iim'
import { NS, type XmpProperties } from './xmp-packet'

export interface MetadataSources {
  exif?: ExifTags
  /** IIM record 2 datasets. */
  iim?: Map<number, string[]>
  /** True when the stored IPTC digest does not match the IIM (see photoshop-irb.ts). */
  iimEditedWithoutXmp?: boolean
  xmp?: XmpProperties
}

const nonBlank = (s: string | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined)

// Cameras fill ImageDescription with their own name; MWG would let it beat a real caption.
const exifText = meaningfulText

function pick<T extends string | string[]>(xmp: T | undefined, iim: T | undefined, iimNewer: boolean): T | undefined {
  if (!iimNewer) return xmp ?? iim
  // The IIM is newer: a field missing there was removed there. IIM fields have length
  // limits, so an IIM value that merely truncates the XMP one was not edited.
  if (iim === undefined || xmp === undefined) return iim
  const flat = (v: string | string[]): string => (Array.isArray(v) ? v.join('\n') : v)
  const x = flat(xmp)
  const i = flat(iim)
  return x.length > i.length && x.startsWith(i) ? xmp : iim
}

/** Which of the two pick() took, for the origin shown beside a prefilled cell. */
function picked<T>(value: T | undefined, xmp: T | undefined): 'xmp' | 'iim' | undefined {
  return value === undefined ? undefined : value === xmp ? 'xmp' : 'iim'
}

type Extra<F> = [field: F, ns: string, xmpName: string, iimDataset?: number, iimName?: string]

/** IPTC Core and Extension (and PLUS) properties by their XMP names, with the IIM dataset where one exists. */
const extras: Extra<ExtraIptcField>[] = [
  ['headline', NS.photoshop, 'photoshop:Headline', IIM.headline, 'Headline'],
  ['source', NS.photoshop, 'photoshop:Source', IIM.source, 'Source'],
  ['city', NS.photoshop, 'photoshop:City', IIM.city, 'City'],
  ['sublocation', NS.iptcCore, 'Iptc4xmpCore:Location', IIM.sublocation, 'Sub-location'],
  ['state', NS.photoshop, 'photoshop:State', IIM.provinceState, 'Province-State'],
  ['country', NS.photoshop, 'photoshop:Country', IIM.countryName, 'Country-PrimaryLocationName'],
  ['countryCode', NS.iptcCore, 'Iptc4xmpCore:CountryCode', IIM.countryCode, 'Country-PrimaryLocationCode'],
  ['instructions', NS.photoshop, 'photoshop:Instructions', IIM.specialInstructions, 'SpecialInstructions'],
  [
    'jobId',
    NS.photoshop,
    'photoshop:TransmissionReference',
    IIM.transmissionReference,
    'OriginalTransmissionReference',
  ],
  ['captionWriter', NS.photoshop, 'photoshop:CaptionWriter', IIM.writerEditor, 'Writer-Editor'],
  ['creatorJobTitle', NS.photoshop, 'photoshop:AuthorsPosition', IIM.bylineTitle, 'By-lineTitle'],
  ['usageTerms', NS.xmpRights, 'xmpRights:UsageTerms'],
  [
    'intellectualGenre',
    NS.iptcCore,
    'Iptc4xmpCore:IntellectualGenre',
    IIM.objectAttributeReference,
    'ObjectAttributeReference',
  ],
  ['digitalSourceType', NS.iptcExt, 'Iptc4xmpExt:DigitalSourceType'],
  ['digitalImageGuid', NS.iptcExt, 'Iptc4xmpExt:DigImageGUID'],
  ['additionalModelInfo', NS.iptcExt, 'Iptc4xmpExt:AddlModelInfo'],
  ['event', NS.iptcExt, 'Iptc4xmpExt:Event'],
  ['maxAvailHeight', NS.iptcExt, 'Iptc4xmpExt:MaxAvailHeight'],
  ['maxAvailWidth', NS.iptcExt, 'Iptc4xmpExt:MaxAvailWidth'],
  ['webStatement', NS.xmpRights, 'xmpRights:WebStatement'],
  ['rating', NS.xmp, 'xmp:Rating'],
  ['imageSupplierImageId', NS.plus, 'plus:ImageSupplierImageID'],
  ['minorModelAgeDisclosure', NS.plus, 'plus:MinorModelAgeDisclosure'],
  ['modelReleaseStatus', NS.plus, 'plus:ModelReleaseStatus'],
  ['propertyReleaseStatus', NS.plus, 'plus:PropertyReleaseStatus'],
  ['plusVersion', NS.plus, 'plus:Version'],
]

const listExtras: Extra<ExtraIptcListField>[] = [
  ['sceneCode', NS.iptcCore, 'Iptc4xmpCore:Scene'],
  ['subjectCode', NS.iptcCore, 'Iptc4xmpCore:SubjectCode', IIM.subjectReference, 'SubjectReference'],
  ['personShown', NS.iptcExt, 'Iptc4xmpExt:PersonInImage'],
  ['organisationCode', NS.iptcExt, 'Iptc4xmpExt:OrganisationInImageCode'],
  ['organisationName', NS.iptcExt, 'Iptc4xmpExt:OrganisationInImageName'],
  ['modelAge', NS.iptcExt, 'Iptc4xmpExt:ModelAge'],
  ['modelReleaseId', NS.plus, 'plus:ModelReleaseID'],
  ['propertyReleaseId', NS.plus, 'plus:PropertyReleaseID'],
]

/**
 * IPTC structures by the fields that name them, read through XmpProperties.structField(): one
 * value per structure, or, where several fields make one value (a place, a contact), those
 * fields of the first structure joined with ", ".
 */
const structExtras: [field: ExtraIptcListField, ns: string, xmpName: string, fieldNs: string, fields: string[]][] = [
  ['copyrightOwner', NS.plus, 'plus:CopyrightOwner', NS.plus, ['CopyrightOwnerName']],
  ['licensor', NS.plus, 'plus:Licensor', NS.plus, ['LicensorName']],
  ['imageCreator', NS.plus, 'plus:ImageCreator', NS.plus, ['ImageCreatorName']],
  ['imageSupplier', NS.plus, 'plus:ImageSupplier', NS.plus, ['ImageSupplierName']],
  ['genre', NS.iptcExt, 'Iptc4xmpExt:Genre', NS.iptcExt, ['Name']],
  ['aboutCvTerm', NS.iptcExt, 'Iptc4xmpExt:AboutCvTerm', NS.iptcExt, ['CvTermName']],
  ['artworkOrObject', NS.iptcExt, 'Iptc4xmpExt:ArtworkOrObject', NS.iptcExt, ['AOTitle']],
  ['productInImage', NS.iptcExt, 'Iptc4xmpExt:ProductInImage', NS.iptcExt, ['ProductName']],
  ['personInImageWithDetails', NS.iptcExt, 'Iptc4xmpExt:PersonInImageWDetails', NS.iptcExt, ['PersonName']],
  ['registryEntry', NS.iptcExt, 'Iptc4xmpExt:RegistryId', NS.iptcExt, ['RegItemId']],
  ['imageRegion', NS.iptcExt, 'Iptc4xmpExt:ImageRegion', NS.iptcExt, ['Name']],
  ['embeddedRightsExpression', NS.iptcExt, 'Iptc4xmpExt:EmbdEncRightsExpr', NS.iptcExt, ['EncRightsExpr']],
  ['linkedRightsExpression', NS.iptcExt, 'Iptc4xmpExt:LinkedEncRightsExpr', NS.iptcExt, ['LinkedRightsExpr']],
  [
    'locationCreated',
    NS.iptcExt,
    'Iptc4xmpExt:LocationCreated',
    NS.iptcExt,
    ['Sublocation', 'City', 'ProvinceState', 'CountryName'],
  ],
  [
    'locationShown',
    NS.iptcExt,
    'Iptc4xmpExt:LocationShown',
    NS.iptcExt,
    ['Sublocation', 'City', 'ProvinceState', 'CountryName'],
  ],
  [
    'creatorContactInfo',
    NS.iptcCore,
    'Iptc4xmpCore:CreatorContactInfo',
    NS.iptcCore,
    ['CiEmailWork', 'CiTelWork', 'CiUrlWork'],
  ],
]

function structValue(xmp: XmpProperties | undefined, ns: string, name: string, fieldNs: string, fields: string[]) {
  if (fields.length === 1) return xmp?.structField(ns, name, fieldNs, fields[0] as string)
  const parts = fields.map((f) => xmp?.structField(ns, name, fieldNs, f)?.[0]).filter((v): v is string => !!v)
  return parts.length > 0 ? [parts.join(', ')] : undefined
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1)

/** One string per origin label, shared by every row (10,000 rows would otherwise hold 100,000 copies). */
const labels = new Map<string, string>()
const label = (text: string): string => labels.get(text) ?? (labels.set(text, text), text)

function gpsFrom(sources: MetadataSources): GpsPosition | undefined {
  const { exif, xmp } = sources
  if (exif?.latitude !== undefined && exif.longitude !== undefined) {
    const p: GpsPosition = { latitude: exif.latitude, longitude: exif.longitude }
    if (exif.altitude !== undefined) p.altitude = exif.altitude
    if (plausible(p)) return p
  }
  const latitude = xmpCoordinate(xmp?.text(NS.exif, 'GPSLatitude'))
  const longitude = xmpCoordinate(xmp?.text(NS.exif, 'GPSLongitude'))
  if (latitude === undefined || longitude === undefined) return undefined
  const p = { latitude, longitude }
  return plausible(p) ? p : undefined
}

export function reconcile(sources: MetadataSources): EmbeddedMetadata {
  const { exif, xmp } = sources
  const newer = sources.iimEditedWithoutXmp === true
  const iim1 = (dataset: number): string | undefined => sources.iim?.get(dataset)?.[0]
  const iimAll = (dataset: number): string[] | undefined => sources.iim?.get(dataset)
  const out: EmbeddedMetadata = {}
  const origins: Record<string, string> = {}
  const put = <K extends keyof EmbeddedMetadata>(key: K, value: EmbeddedMetadata[K] | undefined, origin = ''): void => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return
    out[key] = value
    if (origin) origins[key] = origin
  }
  /** XMP vs IIM by the digest rule, with where the winner was read. */
  const either = <T extends string | string[]>(
    x: T | undefined,
    i: T | undefined,
    xmpName: string,
    iimName: string,
  ) => {
    const value = pick(x, i, newer)
    const from = picked(value, x)
    return [value, from === 'xmp' ? label(`XMP ${xmpName}`) : from === 'iim' ? label(`IPTC ${iimName}`) : ''] as const
  }
  const title = either(
    meaningfulText(xmp?.text(NS.dc, 'title')),
    meaningfulText(iim1(IIM.objectName)),
    'dc:title',
    'Object Name',
  )
  put('title', ...title)
  const exifDescription = exifText(exif?.imageDescription)
  const description = either(
    meaningfulText(xmp?.text(NS.dc, 'description')),
    meaningfulText(iim1(IIM.caption)),
    'dc:description',
    'Caption-Abstract',
  )
  if (exifDescription) put('description', exifDescription, 'EXIF ImageDescription')
  else put('description', ...description)
  const [creators, creatorsFrom] = either(xmp?.list(NS.dc, 'creator'), iimAll(IIM.byline), 'dc:creator', 'By-line')
  const artist = exifText(exif?.artist)
  if (artist) put('creator', artist, 'EXIF Artist')
  else put('creator', creators?.join('; '), creatorsFrom)
  const exifCopyright = nonBlank(exif?.copyright)
  if (exifCopyright) put('copyright', exifCopyright, 'EXIF Copyright')
  else
    put('copyright', ...either(xmp?.text(NS.dc, 'rights'), iim1(IIM.copyrightNotice), 'dc:rights', 'CopyrightNotice'))
  put('credit', ...either(xmp?.text(NS.photoshop, 'Credit'), iim1(IIM.credit), 'photoshop:Credit', 'Credit'))
  put('keywords', ...either(xmp?.list(NS.dc, 'subject'), iimAll(IIM.keywords), 'dc:subject', 'Keywords'))
  const exifTaken = exifDate(exif?.dateTimeOriginal, exif?.subSecTimeOriginal, exif?.offsetTimeOriginal)
  const [taken, takenFrom] = either(
    xmpDate(xmp?.text(NS.photoshop, 'DateCreated')),
    iimDate(iim1(IIM.dateCreated), iim1(IIM.timeCreated)),
    'photoshop:DateCreated',
    'DateCreated',
  )
  if (exifTaken) put('dateTaken', exifTaken, 'EXIF DateTimeOriginal')
  else if (taken) put('dateTaken', taken, takenFrom)
  else put('dateTaken', xmpDate(xmp?.text(NS.exif, 'DateTimeOriginal')), 'XMP exif:DateTimeOriginal')
  put('gps', gpsFrom(sources))

  const more: EmbeddedMetadata['more'] = {}
  for (const [field, ns, xmpName, dataset, iimName = ''] of extras) {
    const x = xmp?.text(ns, localName(xmpName))
    const [value, from] = either(x, dataset === undefined ? undefined : iim1(dataset), xmpName, iimName)
    if (!value) continue
    more[field] = value
    origins[field] = from
  }
  if (Object.keys(more).length > 0) out.more = more
  const moreLists: EmbeddedMetadata['moreLists'] = {}
  for (const [field, ns, xmpName, dataset, iimName = ''] of listExtras) {
    const x = xmp?.list(ns, localName(xmpName))
    const [value, from] = either(x, dataset === undefined ? undefined : iimAll(dataset), xmpName, iimName)
    if (!value || value.length === 0) continue
    moreLists[field] = value
    origins[field] = from
  }
  for (const [field, ns, xmpName, fieldNs, fields] of structExtras) {
    const value = structValue(xmp, ns, localName(xmpName), fieldNs, fields)
    if (!value) continue
    moreLists[field] = value
    origins[field] = label(`XMP ${xmpName}`)
  }
  if (Object.keys(moreLists).length > 0) out.moreLists = moreLists
  if (Object.keys(origins).length > 0) out.origins = origins
  return out
}
