/**
 * Which cells may change (ARCHITECTURE.md, "A row's life"): an imported row takes metadata corrections only (sent by
 * PATCH, core/updater), never id, media type, externalId or translations; a row being sent waits
 * for its result; the entry id is fixed from the first submit attempt (a re-submit must send the
 * same id, or it would create a duplicate); a value goes only where the row's media type has
 * the property (translated only where it is translatable). Clearing is always allowed, so a
 * value left over from another media type can be removed. Pure.
 */
import { findMediaType } from '../project/project-model'
import type { ProjectModel, PropertyModel } from '../../src-main/core/model/livingdocs'
import type { Row } from '../../src-main/core/model/row'
import type { FieldRef } from './field-path'
import { importedCellRefusal } from '../rows/update-plan'
import { isImported } from '../rows/row-guards'

export { isImported as isImportedRow } from '../rows/row-guards'

/**
 * An imported row looks read-only (muted, "read-only until you start a correction" in its
 * accessible text) until the editor starts a correction, and again once it is in the library.
 */
export const looksReadOnly = (row: Row): boolean =>
  isImported(row) && (row.update === undefined || row.update.state === 'updated')

/** What a screen reader hears on such a row, and its tooltip. */
export const READ_ONLY_HINT =
  'Imported, read-only: press Enter or type in a metadata cell to start a correction of the entry in Livingdocs.'

/** Why the row refuses any edit, or undefined when it takes edits. */
export function rowRefusal(row: Row): string | undefined {
  if (isImported(row)) {
    return `Already imported (media id ${row.result?.mediaId ?? 'unknown'}): only its metadata can be corrected.`
  }
  if (row.status === 'submitting') return 'Being sent right now: edit it once its result is in.'
  if (row.status === 'skipped') return 'Skipped file: it is not imported, so it has nothing to edit.'
  if (row.status === 'unreadable')
    return `The file cannot be read${row.reason ? ` (${row.reason})` : ''}: it is not imported.`
  if (!row.entry) return 'This row has no entry yet.'
  return undefined
}

/** The property a cell holds, when the row's media type has it. */
export function propertyOf(project: ProjectModel | undefined, row: Row, ref: FieldRef): PropertyModel | undefined {
  if (ref.kind !== 'metadata' && ref.kind !== 'translation') return undefined
  const type = project ? findMediaType(project, row.entry?.mediaType) : undefined
  return type?.properties.find((p) => p.handle === ref.handle)
}

/** Why this cell refuses `value` (undefined = clear), or undefined when the edit may go ahead. */
export function cellRefusal(
  project: ProjectModel | undefined,
  row: Row,
  ref: FieldRef,
  value: unknown,
): string | undefined {
  // An imported row's metadata can be corrected (core/updater sends it by PATCH); nothing else.
  const refused = isImported(row) ? importedCellRefusal(row, ref.kind) : rowRefusal(row)
  if (refused) return refused
  if (ref.kind === 'id' && value !== row.entry?.id && (row.submitAttempts ?? 0) > 0) {
    return `The entry id "${row.entry?.id ?? ''}" was already sent to the server: it stays fixed so a re-submit cannot create a duplicate.`
  }
  if (value === undefined || !project) return undefined
  if (ref.kind !== 'metadata' && ref.kind !== 'translation') return undefined
  const type = findMediaType(project, row.entry?.mediaType)
  if (!type) return 'Choose a media type for this row first: its properties depend on it.'
  const property = type.properties.find((p) => p.handle === ref.handle)
  if (!property) return `Media type "${type.label}" has no property "${ref.handle}".`
  if (ref.kind === 'translation') {
    if (!type.translationsEnabled) return `Media type "${type.label}" has no translations.`
    if (!property.translatable) return `"${property.label}" is not translatable in media type "${type.label}".`
    if (!project.languages.locales.includes(ref.locale)) {
      return `"${ref.locale}" is not a language of this project (${project.languages.locales.join(', ')}).`
    }
  }
  return undefined
}
