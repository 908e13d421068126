/**
 * A row's entry over its life: an id from the moment the row exists, the media type and metadata
 * of the prefill once the file is probed (what the editor set already wins), and edits that keep
 * the rules: an imported row no longer changes, and the id is fixed from the first submit attempt.
 * Pure; the pipeline installs `shapeEntry` as the session's row shaper.
 */
import type { EntryEdit, FieldIssue, Row, RowEntry } from '../model/row'
import { isImported } from '../../../src-shared/rows/row-guards'

/** The row with its entry completed; the same object when nothing changes. */
export function shapeEntry(row: Row, previous: Row | undefined, newId: () => string): Row {
  if (isImported(row)) return row
  let entry = row.entry ?? previous?.entry
  const fresh = !entry
  if (!entry) {
    // Skipped entries (hidden and OS files) are not meant to become entries.
    if (row.status === 'skipped') return row
    entry = { id: newId(), metadata: {}, translations: {} }
  }
  const prefill = row.prefill
  // A fresh entry on a row probed before (a session from before the pipeline) starts from its prefill too.
  if (prefill && (fresh || prefill !== previous?.prefill)) {
    entry = {
      ...entry,
      ...(entry.mediaType === undefined && prefill.mediaType !== undefined ? { mediaType: prefill.mediaType } : {}),
      metadata: { ...prefill.metadata, ...entry.metadata },
    }
  }
  return entry === row.entry ? row : { ...row, entry }
}

export type { EntryEdit }

export type EditResult = { entry: RowEntry } | { refused: FieldIssue }

const refuse = (field: string, message: string): EditResult => ({ refused: { field, message, source: 'client' } })

function merge(values: Record<string, unknown>, edit: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values }
  for (const [key, value] of Object.entries(edit)) {
    if (value === null) delete out[key]
    else if (value !== undefined) out[key] = value
  }
  return out
}

export function applyEntryEdit(row: Row, edit: EntryEdit): EditResult {
  if (isImported(row)) {
    const mediaId = row.result.mediaId
    return refuse('id', `This row is already imported (media id ${mediaId}); its entry can no longer change.`)
  }
  const entry = row.entry
  if (!entry) return refuse('id', 'This row has no entry (it is skipped); include it before editing.')
  if (edit.id !== undefined && edit.id !== entry.id && (row.submitAttempts ?? 0) > 0) {
    return refuse(
      'id',
      `The entry id "${entry.id}" was already sent to the server and can no longer change (it keeps re-submits from creating duplicates).`,
    )
  }
  const next: RowEntry = { ...entry }
  if (edit.id !== undefined) next.id = edit.id
  if (edit.mediaType !== undefined) next.mediaType = edit.mediaType
  for (const key of ['systemName', 'externalId'] as const) {
    const value = edit[key]
    if (value === null) delete next[key]
    else if (value !== undefined) next[key] = value
  }
  if (edit.metadata) next.metadata = merge(entry.metadata, edit.metadata)
  if (edit.translations) {
    const translations = { ...entry.translations }
    for (const [locale, values] of Object.entries(edit.translations)) {
      translations[locale] = { metadata: merge(translations[locale]?.metadata ?? {}, values) }
    }
    next.translations = translations
  }
  return { entry: next }
}
