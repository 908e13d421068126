/**
 * Metadata a new row starts with, filled the way the editor's own upload fills it: each
 * `exifExtraction.mappings` entry of the media type, in order; for each property the first
 * mapping that yields a non-empty value wins. Values are shaped for the property's plugin.
 * When no mapping gives a title, the title falls back to the file name and says so.
 */
import type { MediaTypeModel, PropertyModel } from '../livingdocs/types'
import type { EmbeddedMetadata } from '../probe/types'
import { fieldReader, type FieldValue } from './exif-fields'

export type PrefillSource = { from: 'embedded'; field: string } | { from: 'file-name' }

export interface MetadataPrefill {
  /** The media type handle the row starts with; undefined when the project has none for its kind. */
  mediaType?: string
  metadata: Record<string, unknown>
  /** property handle -> where its value came from. */
  sources: Record<string, PrefillSource>
  /** Properties holding a fallback value (the cell says so). */
  fallback: string[]
}

export interface PrefillInput {
  fileName: string
  embedded?: EmbeddedMetadata
}

const titleProperty = 'title'

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

export function prefillMetadata(input: PrefillInput, mediaType: MediaTypeModel | undefined): MetadataPrefill {
  const metadata: Record<string, unknown> = {}
  const sources: Record<string, PrefillSource> = {}
  const properties = new Map((mediaType?.properties ?? []).map((p) => [p.handle, p]))
  if (input.embedded && mediaType?.kind === 'image') {
    for (const mapping of mediaType.exifMappings) {
      if (nonEmpty(metadata[mapping.property])) continue
      const property = properties.get(mapping.property)
      const read = fieldReader(mapping.field)
      const raw = property && read ? read(input.embedded) : undefined
      if (raw === undefined || !property) continue
      const value = shapeFor(property, raw)
      if (!nonEmpty(value)) continue
      metadata[mapping.property] = value
      sources[mapping.property] = { from: 'embedded', field: mapping.field }
    }
  }
  const fallback: string[] = []
  const title = mediaType ? properties.get(titleProperty) : { plugin: 'li-text' }
  if (title?.plugin === 'li-text' && !nonEmpty(metadata[titleProperty])) {
    metadata[titleProperty] = titleFromFileName(input.fileName)
    sources[titleProperty] = { from: 'file-name' }
    fallback.push(titleProperty)
  }
  const prefill: MetadataPrefill = { metadata, sources, fallback }
  if (mediaType) prefill.mediaType = mediaType.handle
  return prefill
}
