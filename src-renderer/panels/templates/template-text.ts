/**
 * Templates in the bulk panel's words: a field with its mode in one short line, and the field
 * set saved by "Save as template" (the panel's column added to a template of that name, so a pad
 * with several fields is built one column at a time). Pure.
 */
import { formatCellValue } from '../../../src-shared/editing/cell-text'
import type { BulkMode, Template, TemplateField } from '../../../src-main/contract'

const MODE_WORDS: Record<BulkMode, string> = {
  'fill-empty': 'where empty',
  replace: 'replace',
  append: 'append',
  clear: 'clear',
}

/** "Credit = AFP (where empty)", "Title + (AFP)" … */
export function describeField(field: TemplateField, label: (field: string) => string): string {
  const name = label(field.field)
  if (field.mode === 'clear') return `${name}: clear`
  const value = formatCellValue(field.value)
  const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value
  if (field.mode === 'append') return `${name} + ${shown}`
  return `${name} = ${shown}${field.mode === 'fill-empty' ? ` (${MODE_WORDS[field.mode]})` : ''}`
}

/** The fields a template named `name` has after the panel's column is saved into it. */
export function withField(existing: Template | undefined, field: TemplateField): TemplateField[] {
  const others = (existing?.fields ?? []).filter((f) => f.field !== field.field)
  return [...others, field]
}
