/**
 * Payload schemas of the editing commands, bounded so a broken or hostile renderer cannot make
 * main hold or walk unbounded input: 100,000 rows (twice the 50,000 the grid is built for), 500
 * columns, 16 MB of pasted text, 32 MB of metadata CSV, 100 kB per cell.
 */
import { z } from 'zod'
import { cellValueSchema as cellValue } from '../editing/cell-value-schema'

export const MAX_EDIT_ROWS = 100_000
const rowId = z.string().min(1).max(100)
const field = z.string().min(1).max(200)
const rowIds = z.array(rowId).min(1).max(MAX_EDIT_ROWS)
const fields = z.array(field).min(1).max(500)
const none = z.undefined()

export const editSchemas = {
  getProject: none,
  editCells: z
    .object({
      edits: z
        .array(z.object({ rowId, field, value: cellValue }).strict())
        .min(1)
        .max(MAX_EDIT_ROWS),
    })
    .strict(),
  bulkEdit: z
    .object({ rowIds, field, mode: z.enum(['fill-empty', 'replace', 'append', 'clear']), value: cellValue })
    .strict(),
  fillDown: z.object({ rowIds: rowIds.min(2), fields }).strict(),
  pasteCells: z.object({ rowIds, fields, text: z.string().min(1).max(16_000_000) }).strict(),
  findReplace: z
    .object({
      rowIds,
      fields,
      find: z.string().min(1).max(1_000),
      replace: z.string().max(10_000),
      regex: z.boolean(),
      matchCase: z.boolean(),
      preview: z.boolean(),
    })
    .strict(),
  undo: none,
  redo: none,
  getEditHistory: none,
  previewMetadataCsv: z.object({ text: z.string().min(1).max(32_000_000) }).strict(),
  applyMetadataCsv: z.object({ text: z.string().min(1).max(32_000_000) }).strict(),
  exportResults: z.object({ format: z.enum(['csv', 'json']) }).strict(),
}
