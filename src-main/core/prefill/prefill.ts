/**
 * Metadata a new row starts with, filled the way the editor's own upload fills it: each
 * `exifExtraction.mappings` entry of the media type, in order; for each property the first
 * mapping that yields a non-empty value wins (the Livingdocs reference, project-config
 * media-types.md "Exif Extraction": the configured order is the project's choice, so it is kept).
 * A type without mappings (images, and the video and file types, whose embedded titles and
 * descriptions fill them too) gets the app's own (DEFAULT_MAPPINGS), which put the IPTC
 * Headline before Title/Object Name: agencies write their job id into Object Name ("01661gdx").
 * Values are shaped for the property's plugin; text longer than the property's maxLength is
 * shortened at a word and marked, never a blocking error. When nothing gives a title, the title
 * falls back to the file name and says so. Each value records where it came from.
 */
import type { ExifMapping, MediaTypeModel, PropertyModel } from '../model/livingdocs'
import { fieldInfo, type FieldValue } from '../../../src-shared/prefill/exif-fields'
import { oneLine, shortenAtWord } from './shorten'
import type { MetadataPrefill, PrefillInput, PrefillSource } from '../model/prefill'

const titleProperty = 'title'

/**
 * The app's mappings for a media type the project gives none: what a captioning desk fills
 * first. Only properties the type defines (with a plugin that can hold the value) are filled.
 */
export const DEFAULT_MAPPINGS: readonly ExifMapping[] = [
  { field: 'Headline', property: 'title' },
  { field: 'Title', property: 'title' },
  { field: 'Description', property: 'caption' },
  { field: 'Description', property: 'description' },
  { field: 'Credit Line', property: 'credit' },
  { field: 'Creator', property: 'credit' },
  { field: 'Source', property: 'source' },
  { field: 'Copyright Notice', property: 'copyright' },
  { field: 'Keywords', property: 'keywords' },
  { field: 'Date Created', property: 'dateTaken' },
]

/** The project's mappings when it has any (its order is its choice), else the app's defaults. */
export const mappingsFor = (mediaType: MediaTypeModel): readonly ExifMapping[] =>
  mediaType.exifMappings.length > 0 ? mediaType.exifMappings : DEFAULT_MAPPINGS

/** `IMG_0042.JPG` -> `IMG_0042`, NFC. */
export function titleFromFileName(fileName: string): string {
  const name = fileName.normalize('NFC')
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

const asText = (v: FieldValue): string => (Array.isArray(v) ? v.join(', ') : v)

/** The value in the plugin's storage shape, or undefined when this plugin cannot hold it. */
export function shapeFor(property: Pick<PropertyModel, 'plugin' | 'allowedValues'>, value: FieldValue): unknown {
  switch (property.plugin) {
    case 'li-text':
      return asText(value)
    case 'li-string-list':
      return Array.isArray(value) ? value : [value]
    case 'li-date': {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(asText(value))?.[0]
      return day
    }
    case 'li-datetime':
      return /^\d{4}-\d{2}-\d{2}T/.test(asText(value)) ? asText(value) : undefined
    case 'li-enum': {
      const text = asText(value)
      return property.allowedValues?.includes(text) ? text : undefined
    }
    default:
      return undefined
  }
}

const nonEmpty = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)

/** A text value made to fit its property: one line where it must be, shortened past maxLength. */
function fitted(property: Pick<PropertyModel, 'plugin' | 'maxLength' | 'allowNewlines'>, value: unknown) {
  if (property.plugin !== 'li-text' || typeof value !== 'string') return { value }
  const text = property.allowNewlines === false ? oneLine(value) : value
  const length = [...text].length
  if (property.maxLength === undefined || length <= property.maxLength) return { value: text }
  return { value: shortenAtWord(text, property.maxLength), shortenedFrom: length }
}

export function prefillMetadata(input: PrefillInput, mediaType: MediaTypeModel | undefined): MetadataPrefill {
  const metadata: Record<string, unknown> = {}
  const sources: Record<string, PrefillSource> = {}
  const properties = new Map((mediaType?.properties ?? []).map((p) => [p.handle, p]))
  // Every kind: a video's udta title, a PDF's Info or a DOCX's core properties fill a video or
  // file entry as an image's IPTC fills an image (issue #18: "so prefill works for them too").
  if (input.embedded && mediaType) {
    for (const mapping of mappingsFor(mediaType)) {
      if (nonEmpty(metadata[mapping.property])) continue
      const property = properties.get(mapping.property)
      const field = fieldInfo(mapping.field)
      const raw = property && field ? field.read(input.embedded) : undefined
      if (raw === undefined || !property || !field) continue
      const { value, shortenedFrom } = fitted(property, shapeFor(property, raw))
      if (!nonEmpty(value)) continue
      metadata[mapping.property] = value
      const source: PrefillSource = { from: 'embedded', field: mapping.field }
      const origin = field.origin(input.embedded)
      if (origin) source.origin = origin
      if (shortenedFrom !== undefined) source.shortenedFrom = shortenedFrom
      sources[mapping.property] = source
    }
  }
  const fallback: string[] = []
  const title = mediaType ? properties.get(titleProperty) : { plugin: 'li-text' }
  if (title?.plugin === 'li-text' && !nonEmpty(metadata[titleProperty])) {
    const { value, shortenedFrom } = fitted(title, titleFromFileName(input.fileName))
    metadata[titleProperty] = value
    sources[titleProperty] = shortenedFrom === undefined ? { from: 'file-name' } : { from: 'file-name', shortenedFrom }
    fallback.push(titleProperty)
  }
  const prefill: MetadataPrefill = { metadata, sources, fallback }
  if (mediaType) prefill.mediaType = mediaType.handle
  return prefill
}
