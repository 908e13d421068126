/**
 * The `asset` object of an entry (or of a translation): exactly the fields the OpenAPI schema
 * requires for the media type's kind (additionalProperties: false), each of the right type.
 * Keys must not start with '/' and never with 'v/' (reserved for image variants since 2026-03).
 */
import type { MediaTypeKind } from './types'

export const ASSET_FIELDS: Record<MediaTypeKind, readonly string[]> = {
  mediaImage: ['key', 'url', 'size', 'width', 'height', 'mimeType', 'filename'],
  mediaVideo: ['key', 'url', 'size', 'width', 'height', 'duration', 'mimeType', 'filename'],
  mediaFile: ['key', 'url', 'size', 'mimeType', 'filename'],
}

const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.trim() !== ''
const integerAtLeast = (min: number) => (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false
  try {
    const url = new URL(v)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

const FIELD_RULES: Record<string, { test: (v: unknown) => boolean; expected: string }> = {
  key: { test: nonEmptyString, expected: 'a non-empty string' },
  url: { test: isHttpUrl, expected: 'an absolute http(s) URL' },
  size: { test: integerAtLeast(0), expected: 'an integer >= 0 (bytes)' },
  width: { test: integerAtLeast(1), expected: 'an integer >= 1 (pixels)' },
  height: { test: integerAtLeast(1), expected: 'an integer >= 1 (pixels)' },
  duration: {
    test: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
    expected: 'a number >= 0 (seconds)',
  },
  mimeType: {
    test: (v) => typeof v === 'string' && /^[a-z0-9][\w.+-]*\/[\w.+-]+$/i.test(v),
    expected: 'a MIME type like "image/jpeg"',
  },
  filename: { test: nonEmptyString, expected: 'a non-empty string' },
}

const KIND_LABEL: Record<MediaTypeKind, string> = { mediaImage: 'image', mediaVideo: 'video', mediaFile: 'file' }

/**
 * Problems with an asset, each naming the field (`asset.width …`); empty when it is valid.
 * `label` is the path shown in messages, e.g. `asset` or `translations[0].asset`.
 */
export function assetProblems(asset: unknown, kind: MediaTypeKind, label = 'asset'): string[] {
  const fields = ASSET_FIELDS[kind]
  const needs = `${KIND_LABEL[kind]} assets need ${fields.join(', ')}`
  if (typeof asset !== 'object' || asset === null || Array.isArray(asset)) {
    return [`${label} must be an object (${needs})`]
  }
  const record = asset as Record<string, unknown>
  const problems: string[] = []
  for (const field of fields) {
    if (!(field in record)) {
      problems.push(`${label}.${field} is required (${needs})`)
      continue
    }
    const rule = FIELD_RULES[field]
    if (rule && !rule.test(record[field])) {
      problems.push(`${label}.${field} must be ${rule.expected}, got ${JSON.stringify(record[field])}`)
    }
  }
  for (const field of Object.keys(record)) {
    if (!fields.includes(field)) problems.push(`${label}.${field} is not allowed (${needs})`)
  }
  const key = record.key
  if (typeof key === 'string' && key.startsWith('/')) problems.push(`${label}.key must not start with '/': '${key}'`)
  if (typeof key === 'string' && key.startsWith('v/')) {
    problems.push(`${label}.key must not start with 'v/' (reserved for image variants): '${key}'`)
  }
  return problems
}
