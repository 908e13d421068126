/**
 * Templates ("stationery pads", in Photo Mechanic's words): a named set of field values, each
 * with its bulk mode, that an editor applies to a selection in one step. Kept per profile in one
 * file (template-store.ts); every template is checked here when the file is read, so a hand-edited
 * or damaged one is named and set aside while the others stay usable. Pure.
 */
import { z } from 'zod'
import { cellValueSchema as cellValue } from '../editing/cell-value-schema'
import type { BulkMode, CellValue } from '../editing/plan-edits'

export interface TemplateField {
  /** The grid's field path: `metadata.credit`, `translations.de.metadata.title`, `externalId`… */
  field: string
  mode: BulkMode
  value: CellValue
}

export interface Template {
  name: string
  fields: TemplateField[]
}

export interface TemplateList {
  templates: Template[]
  /** What is wrong with the file (damaged entries, an unreadable file), for the editor to see. */
  problems: string[]
}

export const MAX_TEMPLATE_FIELDS = 200

export const templateName = z
  .string()
  .trim()
  .min(1, 'a template needs a name')
  .max(100, 'a template name is at most 100 characters')

export const templateFieldSchema = z
  .object({
    field: z.string().min(1).max(200),
    mode: z.enum(['fill-empty', 'replace', 'append', 'clear']),
    value: cellValue,
  })
  .strict()

export const templateSchema = z
  .object({
    name: templateName,
    fields: z
      .array(templateFieldSchema)
      .min(1, 'a template needs at least one field')
      .max(MAX_TEMPLATE_FIELDS)
      .refine((fields) => new Set(fields.map((f) => f.field)).size === fields.length, 'a field is listed twice'),
  })
  .strict()

/** A zod issue list as one sentence: where in the template, and what is wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** The name a template entry of the file claims, for messages about an entry that is not valid. */
export function claimedName(raw: unknown, index: number): string {
  const name = (raw as { name?: unknown } | null)?.name
  return typeof name === 'string' && name.trim() !== '' ? `"${name.trim()}"` : `number ${index + 1}`
}
