/**
 * The metadata a new row starts with, and where each value came from (core/prefill/prefill.ts
 * computes it; the grid marks prefilled, shortened and fallback cells from it). Types only.
 */
import type { EmbeddedMetadata } from './probe-facts'

export type PrefillSource = (
  | {
      from: 'embedded'
      /** The mapping's field name, as configured ("Headline", "Caption/Abstract"). */
      field: string
      /** Where the probe read it, e.g. "XMP photoshop:Headline", "IPTC Caption-Abstract". */
      origin?: string
    }
  | { from: 'file-name' }
) & {
  /** The value was longer than the property's maxLength: its length in characters before shortening. */
  shortenedFrom?: number
}

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
