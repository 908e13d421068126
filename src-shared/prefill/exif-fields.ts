/**
 * The field names `exifExtraction.mappings[].field` may use: every field and alias of the table in
 * the Livingdocs project-config reference (content/reference/project-config/media-types.md,
 * "Exif Extraction"), which follows the IPTC Photo Metadata Standard, plus the XMP and IIM names
 * editors know them by. Matching ignores case, spaces and punctuation, so "Caption/Abstract",
 * "caption-abstract" and "CaptionAbstract" are one field.
 * IPTC structures give the field that names each one (Copyright Owner: CopyrightOwnerName), or
 * for a place or a contact its parts joined ("Old Town, Bern, BE, Switzerland").
 */
import type { EmbeddedMetadata, ExtraIptcField, ExtraIptcListField } from '../../src-main/core/model/probe-facts'

export type FieldValue = string | string[]
type Getter = (e: EmbeddedMetadata) => FieldValue | undefined

export interface FieldInfo {
  read: Getter
  /** Where the probe says the value came from ("XMP photoshop:Headline"), when it knows. */
  origin: (e: EmbeddedMetadata) => string | undefined
}

type Key = 'title' | 'description' | 'creator' | 'credit' | 'copyright' | 'keywords' | 'dateTaken'
type Source = Key | ExtraIptcField | ExtraIptcListField | 'timeCreated'

const mainKeys = new Set<string>(['title', 'description', 'creator', 'credit', 'copyright', 'keywords', 'dateTaken'])
const listKeys = new Set<string>([
  'copyrightOwner',
  'licensor',
  'imageCreator',
  'imageSupplier',
  'genre',
  'aboutCvTerm',
  'artworkOrObject',
  'productInImage',
  'personInImageWithDetails',
  'registryEntry',
  'imageRegion',
  'embeddedRightsExpression',
  'linkedRightsExpression',
  'locationCreated',
  'locationShown',
  'creatorContactInfo',
  'sceneCode',
  'subjectCode',
  'personShown',
  'organisationCode',
  'organisationName',
  'modelAge',
  'modelReleaseId',
  'propertyReleaseId',
])

/** [what the probe gives, names]: the documented field first, then its documented aliases, then others in use. */
const fields: [Source, string[]][] = [
  ['title', ['Title', 'Object Name', 'title', 'ObjectName', 'dc:title']],
  [
    'description',
    ['Description', 'Caption/Abstract', 'Caption', 'Caption-Abstract', 'dc:description', 'ImageDescription'],
  ],
  ['creator', ['Creator', 'By-line', 'Byline', 'Artist', 'Author', 'dc:creator']],
  ['credit', ['Credit Line', 'Credit', 'Provider', 'photoshop:Credit']],
  ['copyright', ['Copyright Notice', 'rights', 'CopyrightNotice', 'Copyright', 'dc:rights']],
  ['keywords', ['Keywords', 'subject', 'dc:subject']],
  ['dateTaken', ['Date Created', 'DateCreated', 'DateTimeOriginal', 'photoshop:DateCreated']],
  ['timeCreated', ['Time Created', 'TimeCreated']],
  ['headline', ['Headline', 'photoshop:Headline']],
  ['source', ['Source', 'photoshop:Source']],
  ['city', ['City (legacy)', 'City', 'City legacy', 'cityName', 'photoshop:City']],
  ['sublocation', ['Sublocation (legacy)', 'Location', 'Sub-location', 'Sublocation']],
  [
    'state',
    ['Province or State', 'State', 'Province/State', 'Province/State (legacy)', 'Province-State', 'photoshop:State'],
  ],
  ['country', ['Country (legacy)', 'Country legacy', 'Country/Primary Location Name', 'Country', 'photoshop:Country']],
  ['countryCode', ['Country Code (legacy)', 'Country Code', 'CountryCode', 'Country/Primary Location Code']],
  ['instructions', ['Instructions', 'Special Instructions', 'SpecialInstructions', 'photoshop:Instructions']],
  ['jobId', ['Job Id', 'TransmissionReference', 'Original Transmission Reference', 'JobID', 'Transmission Reference']],
  ['captionWriter', ['Description Writer', 'Writer/Editor', 'CaptionWriter', 'Caption Writer', 'Writer-Editor']],
  ['creatorJobTitle', ["Creator's jobtitle", 'Creator’s jobtitle', 'AuthorsPosition', 'By-line Title', 'BylineTitle']],
  ['usageTerms', ['Rights Usage Terms', 'UsageTerms', 'xmpRights:UsageTerms']],
  ['intellectualGenre', ['Intellectual Genre', 'Object Attribute Reference', 'IntellectualGenre']],
  ['sceneCode', ['Scene Code', 'Scene']],
  ['subjectCode', ['Subject Code', 'Subject Reference', 'SubjectCode']],
  ['additionalModelInfo', ['Additional Model Information', 'AddlModelInfo']],
  ['organisationCode', ['Code of Organisation Featured in the Image', 'OrganisationInImageCode']],
  ['digitalImageGuid', ['Digital Image GUID', 'DigImageGUID']],
  ['digitalSourceType', ['Digital Source Type', 'DigitalSourceType']],
  ['event', ['Event']],
  ['rating', ['Image Rating', 'Rating']],
  ['imageSupplierImageId', ['Image Supplier Image ID', 'ImageSupplierImageID']],
  ['maxAvailHeight', ['Max Avail Height', 'MaxAvailHeight']],
  ['maxAvailWidth', ['Max Avail Width', 'MaxAvailWidth']],
  ['minorModelAgeDisclosure', ['Minor Model Age Disclosure', 'MinorModelAgeDisclosure']],
  ['modelAge', ['Model Age', 'ModelAge']],
  ['modelReleaseId', ['Model Release Id', 'ModelReleaseID']],
  ['modelReleaseStatus', ['Model Release Status', 'ModelReleaseStatus']],
  ['organisationName', ['Name of Organisation Featured in the Image', 'OrganisationInImageName']],
  ['personShown', ['Person Shown in the Image', 'PersonInImage', 'Person Shown']],
  ['plusVersion', ['PLUS Version']],
  ['propertyReleaseId', ['Property Release Id', 'PropertyReleaseID']],
  ['propertyReleaseStatus', ['Property Release Status', 'PropertyReleaseStatus']],
  ['webStatement', ['Web Statement of Rights', 'WebStatement']],
  // IPTC structures: the field naming each one (probe/metadata/mwg.ts structExtras).
  [
    'creatorContactInfo',
    ["Creator's Contact Info", 'Creator’s Contact Info', 'Creator Contact Info', 'creatorContactInfo'],
  ],
  [
    'artworkOrObject',
    ['Artwork or Object in the Image', 'ArtworkOrObject', 'Artwork or Object in the Image structure'],
  ],
  ['copyrightOwner', ['Copyright Owner', 'CopyrightOwner']],
  ['aboutCvTerm', ['CV-Term About Image', 'AboutCvTerm']],
  ['embeddedRightsExpression', ['Embedded Encoded Rights Expression', 'EmbdEncRightsExpr']],
  ['genre', ['Genre']],
  ['imageCreator', ['Image Creator', 'ImageCreator']],
  ['imageRegion', ['Image Region', 'ImageRegion']],
  ['registryEntry', ['Image Registry Entry', 'RegistryId']],
  ['imageSupplier', ['Image Supplier', 'ImageSupplier']],
  ['licensor', ['Licensor']],
  ['linkedRightsExpression', ['Linked Encoded Rights Expression', 'LinkedEncRightsExpr']],
  ['locationCreated', ['Location created', 'LocationCreated']],
  ['locationShown', ['Location Shown in the Image', 'LocationShown']],
  ['personInImageWithDetails', ['Person Shown in the Image with Details', 'PersonInImageWDetails']],
  ['productInImage', ['Product Shown in the Image', 'ProductInImage']],
]

/** "hh:mm:ss" (with its offset) of the date taken, when it has a time. */
const timeOf = (e: EmbeddedMetadata): string | undefined => /T(.+)$/.exec(e.dateTaken ?? '')?.[1]

function infoFor(source: Source): FieldInfo {
  if (source === 'timeCreated') return { read: timeOf, origin: (e) => e.origins?.dateTaken }
  const origin = (e: EmbeddedMetadata) => e.origins?.[source]
  if (mainKeys.has(source)) return { read: (e) => e[source as Key], origin }
  if (listKeys.has(source)) return { read: (e) => e.moreLists?.[source as ExtraIptcListField], origin }
  return { read: (e) => e.more?.[source as ExtraIptcField], origin }
}

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

const byName = new Map<string, FieldInfo>()
for (const [source, names] of fields) {
  const info = infoFor(source)
  for (const name of names) byName.set(normalise(name), info)
}

/** Undefined when the name is not a field we know (the mapping is then ignored, as the server would). */
export function fieldInfo(name: string): FieldInfo | undefined {
  return byName.get(normalise(name))
}

export function fieldReader(name: string): Getter | undefined {
  return fieldInfo(name)?.read
}

/** Every documented name and alias, for the tests. */
export const knownFieldNames: readonly string[] = fields.flatMap(([, names]) => names)
