/**
 * Corrections of imported rows, decided without I/O. An imported entry can be changed only by the
 * documented `PATCH /api/{v}/mediaLibrary/{id}` (livingdocsIO/documentation
 * `data/endpoints/patch-media-library-entry-2026-01.yaml`): `setMetadataProperty` per property.
 * No documented operation changes a translation's metadata, the id, the media type or the
 * externalId, so those are refused with that reason, never dropped. What to send is the diff of
 * the row's metadata against `update.confirmed`: what the library holds as far as the row knows.
 */
import type { EntryEdit, MetadataPatch, Row, RowEntry, RowUpdate } from '../../src-main/core/model/row'

/**
 * Equal as JSON data (metadata values are JSON: the server stores them so), with object keys in
 * any order. Kept free of node:util because the renderer runs the edit rules too.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bkeys = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return keys.length === bkeys.length && keys.every((k) => sameJson(ao[k], bo[k]))
}

export { isImported } from './row-guards'

/** One `setMetadataProperty` per property whose value differs; a removed value is sent as `null`. */
export function metadataPatches(
  confirmed: Record<string, unknown>,
  metadata: Record<string, unknown>,
): MetadataPatch[] {
  const handles = [...new Set([...Object.keys(confirmed), ...Object.keys(metadata)])].sort()
  return handles
    .filter((handle) => !sameJson(confirmed[handle], metadata[handle]))
    .map((propertyName) => ({ operation: 'setMetadataProperty', propertyName, value: metadata[propertyName] ?? null }))
}

/** The patches an imported row has waiting (none when it has no correction). */
export function pendingPatches(row: Row): MetadataPatch[] {
  if (!row.update || !row.entry) return []
  return metadataPatches(row.update.confirmed, row.entry.metadata)
}

/** The entry's `version` from the import record or a lookup (the docs show it as a number and as a string). */
export function entryVersion(record: Record<string, unknown> | undefined): number | undefined {
  const version = Number(record?.version)
  return record?.version !== undefined && Number.isInteger(version) ? version : undefined
}

/**
 * The session's shaper step for imported rows: an entry change becomes a pending update (or none,
 * when it went back to what the library holds). `previous.entry` is what the import sent, so it
 * is the first `confirmed`. A row whose PATCH is out keeps its state until the answer settles it.
 */
export function markCorrection(row: Row, previous: Row | undefined): Row {
  if (row.status !== 'imported' || !row.entry || !previous?.entry || row.entry === previous.entry) return row
  if (row.update?.state === 'sending') return row
  const confirmed = row.update?.confirmed ?? previous.entry.metadata
  const waiting = metadataPatches(confirmed, row.entry.metadata).length > 0
  if (!waiting) {
    if (!row.update || row.update.state === 'updated') return row
    const { update: _dropped, ...rest } = row
    return rest
  }
  const update: RowUpdate = { state: 'pending', confirmed }
  return { ...row, update }
}

/** Why an imported row's cell refuses an edit, or undefined when it may be corrected (metadata). */
export function importedCellRefusal(
  row: Row,
  kind: 'id' | 'mediaType' | 'systemName' | 'externalId' | 'metadata' | 'translation',
): string | undefined {
  const mediaId = row.result?.mediaId ?? 'unknown'
  if (row.update?.state === 'sending') return 'Its correction is being sent right now: edit it once the answer is in.'
  if (kind === 'metadata') return undefined
  if (kind === 'translation') {
    return `Already imported (media id ${mediaId}): Livingdocs offers no way to change a translation's metadata through its API, so this cell cannot be corrected here. Change it in Livingdocs.`
  }
  return `Already imported (media id ${mediaId}): its ${kind} can no longer change; only its metadata can be corrected.`
}

/** What a CSV line asks of an imported row: the same edit as before the import. */
export type CorrectionEdit = EntryEdit

/** An empty CSV cell clears a value, as it does before the import. */
const isCleared = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

export type CorrectionResult = { entry: RowEntry } | { refused: { field: string; message: string; source: 'client' } }

/**
 * A CSV line applied to an imported row: metadata is corrected; a value for anything else is
 * accepted only when it equals what was imported (a re-run CSV repeats its id and media type).
 */
export function applyCorrection(row: Row, edit: CorrectionEdit): CorrectionResult {
  const entry = row.entry
  if (!entry) return refuse('id', 'This row has no entry.')
  for (const key of ['id', 'mediaType', 'systemName', 'externalId'] as const) {
    const value = edit[key]
    if (value === undefined || (value ?? undefined) === (entry[key] ?? undefined) || (value === '' && !entry[key]))
      continue
    return refuse(key, importedCellRefusal(row, key) ?? '')
  }
  for (const [locale, values] of Object.entries(edit.translations ?? {})) {
    const current = entry.translations[locale]?.metadata ?? {}
    const changed = Object.entries(values).find(
      ([handle, value]) => !(isCleared(value) && isCleared(current[handle])) && !sameJson(value, current[handle]),
    )
    if (changed)
      return refuse(`translations.${locale}.metadata.${changed[0]}`, importedCellRefusal(row, 'translation') ?? '')
  }
  if (row.update?.state === 'sending') return refuse('id', importedCellRefusal(row, 'metadata') ?? '')
  const metadata = { ...entry.metadata }
  for (const [handle, value] of Object.entries(edit.metadata ?? {})) {
    if (isCleared(value)) delete metadata[handle]
    else metadata[handle] = value
  }
  return { entry: { ...entry, metadata } }
}

function refuse(field: string, message: string): CorrectionResult {
  return { refused: { field, message, source: 'client' } }
}
