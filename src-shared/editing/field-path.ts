/**
 * Cell addresses: the field paths validation pins issues to (`metadata.title`,
 * `translations.fr.metadata.title`, `externalId`, `id`, `mediaType`, `systemName`) are also what
 * the grid edits, so an issue and the cell it marks share one name. Pure and free of Node
 * imports: the renderer reads cell values with the same functions.
 */
import type { RowEntry } from '../../src-main/core/model/row'

export type FieldRef =
  | { kind: 'id' | 'mediaType' | 'systemName' | 'externalId' }
  | { kind: 'metadata'; handle: string }
  | { kind: 'translation'; locale: string; handle: string }

const HANDLE = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/
// The same shape validation accepts for a translation locale.
const LOCALE = /^[a-z][a-zA-Z0-9-]{1,34}$/
const TOP = new Set(['id', 'mediaType', 'systemName', 'externalId'])

/** The field a path names, or undefined for a path that is no editable field of an entry. */
export function parseField(field: string): FieldRef | undefined {
  if (TOP.has(field)) return { kind: field as 'id' | 'mediaType' | 'systemName' | 'externalId' }
  const parts = field.split('.')
  if (parts.length === 2 && parts[0] === 'metadata' && HANDLE.test(parts[1] ?? '')) {
    return { kind: 'metadata', handle: parts[1] as string }
  }
  if (parts.length === 4 && parts[0] === 'translations' && parts[2] === 'metadata') {
    const [, locale = '', , handle = ''] = parts
    if (LOCALE.test(locale) && HANDLE.test(handle)) return { kind: 'translation', locale, handle }
  }
  return undefined
}

export function fieldPath(ref: FieldRef): string {
  switch (ref.kind) {
    case 'metadata':
      return `metadata.${ref.handle}`
    case 'translation':
      return `translations.${ref.locale}.metadata.${ref.handle}`
    default:
      return ref.kind
  }
}

export function readField(entry: RowEntry | undefined, ref: FieldRef): unknown {
  if (!entry) return undefined
  switch (ref.kind) {
    case 'metadata':
      return entry.metadata[ref.handle]
    case 'translation':
      return entry.translations[ref.locale]?.metadata[ref.handle]
    default:
      return entry[ref.kind]
  }
}

/** A new entry with the field set; `undefined` clears it. The entry given is never changed. */
export function writeField(entry: RowEntry, ref: FieldRef, value: unknown): RowEntry {
  switch (ref.kind) {
    case 'metadata':
      return { ...entry, metadata: withKey(entry.metadata, ref.handle, value) }
    case 'translation': {
      const current = entry.translations[ref.locale]?.metadata ?? {}
      const metadata = withKey(current, ref.handle, value)
      const translations = { ...entry.translations }
      // A translation left without values is no translation: it would send an empty locale.
      if (Object.keys(metadata).length === 0) delete translations[ref.locale]
      else translations[ref.locale] = { metadata }
      return { ...entry, translations }
    }
    case 'id':
      return { ...entry, id: typeof value === 'string' ? value : '' }
    default: {
      const next = { ...entry }
      if (value === undefined || value === '') delete next[ref.kind]
      else next[ref.kind] = String(value)
      return next
    }
  }
}

function withKey(values: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...values }
  if (value === undefined) delete out[key]
  else out[key] = value
  return out
}

/** Whether an issue's field concerns this cell: `translations.fr` covers every French cell. */
export function issueCoversField(issueField: string, field: string): boolean {
  return issueField === field || field.startsWith(`${issueField}.`)
}
