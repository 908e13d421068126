/**
 * A template made from a row ("From active row"): the metadata values the row holds, each to be
 * written as it is; ids, media type and translations stay with the row. Pure (the renderer runs it).
 */
import type { CellValue } from '../../src-main/core/editing/plan-edits'
import type { RowEntry } from '../../src-main/core/model/row'
import type { TemplateField } from '../../src-main/core/templates/template-schema'

/** A value a cell can hold and that says something: no blank text, no empty list, no object. */
function kept(value: unknown): CellValue | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number' || typeof value === 'boolean') return value
  const strings = Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
  return strings ? (value as string[]) : undefined
}

export function templateFieldsFromEntry(entry: RowEntry | undefined): TemplateField[] {
  const fields: TemplateField[] = []
  for (const [handle, raw] of Object.entries(entry?.metadata ?? {})) {
    const value = kept(raw)
    if (value !== undefined) fields.push({ field: `metadata.${handle}`, mode: 'replace', value })
  }
  return fields
}
