/**
 * The field names `exifExtraction.mappings[].field` may use: IPTC Photo Metadata property
 * names and their aliases (IIM dataset names, XMP property names), as the Livingdocs media
 * type docs describe them (livingdocs-api.md §5). Matching ignores case, spaces and
 * punctuation, so "Caption/Abstract", "caption-abstract" and "CaptionAbstract" are one field.
 */
import type { EmbeddedMetadata, ExtraIptcField } from '../probe/types'

export type FieldValue = string | string[]
type Getter = (e: EmbeddedMetadata) => FieldValue | undefined

const more =
  (field: ExtraIptcField): Getter =>
  (e) =>
    e.more?.[field]

const fields: [Getter, string[]][] = [
  [(e) => e.title, ['Title', 'Object Name', 'ObjectName', 'dc:title']],
  [
    (e) => e.description,
    ['Description', 'Caption/Abstract', 'Caption-Abstract', 'Caption', 'dc:description', 'ImageDescription'],
  ],
  [(e) => e.creator, ['Creator', 'By-line', 'Byline', 'Artist', 'Author', 'dc:creator']],
  [(e) => e.credit, ['Credit Line', 'Credit', 'photoshop:Credit']],
  [(e) => e.copyright, ['Copyright Notice', 'CopyrightNotice', 'Copyright', 'rights', 'dc:rights']],
  [(e) => e.keywords, ['Keywords', 'subject', 'dc:subject']],
  [(e) => e.dateTaken, ['Date Created', 'DateCreated', 'DateTimeOriginal', 'photoshop:DateCreated']],
  [more('headline'), ['Headline', 'photoshop:Headline']],
  [more('source'), ['Source', 'photoshop:Source']],
  [more('city'), ['City (legacy)', 'City', 'photoshop:City']],
  [more('sublocation'), ['Sublocation (legacy)', 'Sub-location', 'Sublocation', 'Location']],
  [more('state'), ['Province/State (legacy)', 'Province/State', 'Province-State', 'State', 'photoshop:State']],
  [more('country'), ['Country (legacy)', 'Country', 'Country-PrimaryLocationName', 'photoshop:Country']],
  [more('countryCode'), ['Country Code (legacy)', 'Country Code', 'CountryCode', 'Country-PrimaryLocationCode']],
  [more('instructions'), ['Instructions', 'Special Instructions', 'SpecialInstructions', 'photoshop:Instructions']],
  [
    more('jobId'),
    ['Job Id', 'JobID', 'Transmission Reference', 'OriginalTransmissionReference', 'TransmissionReference'],
  ],
  [more('captionWriter'), ['Description Writer', 'Caption Writer', 'CaptionWriter', 'Writer-Editor', 'Writer/Editor']],
  [
    more('creatorJobTitle'),
    ["Creator's jobtitle", 'Creators Job Title', 'By-line Title', 'BylineTitle', 'AuthorsPosition'],
  ],
  [more('usageTerms'), ['Rights Usage Terms', 'UsageTerms', 'xmpRights:UsageTerms']],
]

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

const byName = new Map<string, Getter>()
for (const [getter, names] of fields) for (const name of names) byName.set(normalise(name), getter)

/** Undefined when the name is not a field we know (the mapping is then ignored, as the server would). */
export function fieldReader(name: string): Getter | undefined {
  return byName.get(normalise(name))
}
