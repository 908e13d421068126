/**
 * A container's embedded metadata as the row takes it: only the fields the file has (an empty
 * string is no value), and undefined when it has none, so "no metadata" reads the same from every
 * container reader.
 */
import type { EmbeddedMetadata } from '../../model/probe-facts'

export function presentFields(fields: EmbeddedMetadata): EmbeddedMetadata | undefined {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') out[key] = value
  return Object.keys(out).length > 0 ? (out as EmbeddedMetadata) : undefined
}
