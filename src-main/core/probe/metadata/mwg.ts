/**
 * Reconciles EXIF, IPTC-IIM and XMP into one value per field, by the Metadata Working Group's
 * "Guidelines for Handling Image Metadata" 2.0 §4.1 as ExifTool implements them (MWG.pm):
 * - description, creator, copyright, date taken: a non-blank EXIF value wins;
 * - otherwise XMP wins, unless the IIM was edited last by a program that ignores XMP (its
 *   stored digest no longer matches), then IIM wins (or XMP where IIM is merely its truncation);
 * - title, credit, keywords have no EXIF form: XMP vs IIM by the same digest rule;
 * - GPS: EXIF, then XMP.
 */
import type { EmbeddedMetadata, ExtraIptcField, GpsPosition } from '../types'
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

// Cameras fill ImageDescription with their own name; MWG would let it beat a real caption.
const cameraPlaceholders = new Set([
  'olympus digital camera',
  'sony dsc',
  'digital camera',
  'minolta digital camera',
  'konica minolta digital camera',
  'samsung digital camera',
  'exif_jpeg_picture',
  'default',
  'image',
])

const nonBlank = (s: string | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined)

function exifText(value: string | undefined): string | undefined {
  const s = nonBlank(value)
  return s && !cameraPlaceholders.has(s.toLowerCase()) ? s : undefined
}

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

const extras: [ExtraIptcField, string, string, number | undefined][] = [
  ['headline', NS.photoshop, 'Headline', IIM.headline],
  ['source', NS.photoshop, 'Source', IIM.source],
  ['city', NS.photoshop, 'City', IIM.city],
  ['sublocation', NS.iptcCore, 'Location', IIM.sublocation],
  ['state', NS.photoshop, 'State', IIM.provinceState],
  ['country', NS.photoshop, 'Country', IIM.countryName],
  ['countryCode', NS.iptcCore, 'CountryCode', IIM.countryCode],
  ['instructions', NS.photoshop, 'Instructions', IIM.specialInstructions],
  ['jobId', NS.photoshop, 'TransmissionReference', IIM.transmissionReference],
  ['captionWriter', NS.photoshop, 'CaptionWriter', IIM.writerEditor],
  ['creatorJobTitle', NS.photoshop, 'AuthorsPosition', IIM.bylineTitle],
  ['usageTerms', NS.xmpRights, 'UsageTerms', undefined],
]

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
  const put = <K extends keyof EmbeddedMetadata>(key: K, value: EmbeddedMetadata[K] | undefined): void => {
    if (value !== undefined && (!Array.isArray(value) || value.length > 0)) out[key] = value
  }

  put('title', pick(xmp?.text(NS.dc, 'title'), iim1(IIM.objectName), newer))
  put(
    'description',
    exifText(exif?.imageDescription) ?? pick(xmp?.text(NS.dc, 'description'), iim1(IIM.caption), newer),
  )
  const creators = pick(xmp?.list(NS.dc, 'creator'), iimAll(IIM.byline), newer)
  put('creator', exifText(exif?.artist) ?? creators?.join('; '))
  put('copyright', nonBlank(exif?.copyright) ?? pick(xmp?.text(NS.dc, 'rights'), iim1(IIM.copyrightNotice), newer))
  put('credit', pick(xmp?.text(NS.photoshop, 'Credit'), iim1(IIM.credit), newer))
  put('keywords', pick(xmp?.list(NS.dc, 'subject'), iimAll(IIM.keywords), newer))
  put(
    'dateTaken',
    exifDate(exif?.dateTimeOriginal, exif?.subSecTimeOriginal, exif?.offsetTimeOriginal) ??
      pick(
        xmpDate(xmp?.text(NS.photoshop, 'DateCreated')),
        iimDate(iim1(IIM.dateCreated), iim1(IIM.timeCreated)),
        newer,
      ) ??
      xmpDate(xmp?.text(NS.exif, 'DateTimeOriginal')),
  )
  put('gps', gpsFrom(sources))

  const more: EmbeddedMetadata['more'] = {}
  for (const [field, ns, name, dataset] of extras) {
    const value = pick(xmp?.text(ns, name), dataset === undefined ? undefined : iim1(dataset), newer)
    if (value) more[field] = value
  }
  if (Object.keys(more).length > 0) out.more = more
  return out
}
