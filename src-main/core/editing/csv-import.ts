/**
 * A metadata CSV keyed by relative path (the CLI's format: relativePath, title, title.fr,
 * systemName, externalId…) applied to the grid: each cell is planned like a typed edit (parsed
 * for its column, checked against the rules), and the editor sees a preview of every cell that
 * would change, with its value before and after, before anything is applied. Lines whose file is
 * not in the session are listed, not fatal. `asset.<locale>` columns name files to upload; the
 * grid leaves them to the CLI for now and says so. Pure.
 */
import { CsvError } from '../../../src-shared/csv/csv'
import { readMetadataCsv, type Column } from '../csv/metadata-csv'
import type { Row } from '../model/row'
import { formatCellValue } from '../../../src-shared/editing/cell-text'
import { parseField, readField } from '../../../src-shared/editing/field-path'
import { addWrite, emptyPlan, type Plan, type PlanContext, type RefusedCell } from './plan'
import { PlanError } from './plan-edits'

export interface CsvChange {
  rowId: string
  relativePath: string
  field: string
  before: string
  after: string
}

export interface CsvPreview {
  records: number
  /** Records whose file is in the session. */
  matched: number
  unknownPaths: string[]
  unknownCount: number
  /** The first cells that would change (all are counted in `changeCount`). */
  changes: CsvChange[]
  changeCount: number
  refused: RefusedCell[]
  refusedCount: number
  /** `asset.<locale>` columns, which the grid does not apply. */
  ignoredColumns: string[]
}

const SHOWN = 200

function fieldOf(column: Column): string | undefined {
  switch (column.kind) {
    case 'metadata':
      return `metadata.${column.handle}`
    case 'translation':
      return `translations.${column.locale}.metadata.${column.handle}`
    case 'path':
    case 'asset':
      return undefined
    default:
      return column.kind
  }
}

const normalise = (path: string): string => path.normalize('NFC').replaceAll('\\', '/').replace(/^\.\//, '')

/** A path as the scan shows it (`Harbour/a.jpg`), or inside the one dropped folder (`a.jpg`). */
function rowFinder(rows: readonly Row[]): (path: string) => Row | undefined {
  const byPath = new Map(rows.map((r) => [r.relativePath, r]))
  const roots = [...new Set(rows.map((r) => r.relativePath.split('/')[0] ?? ''))]
  return (raw) => {
    const path = normalise(raw)
    const exact = byPath.get(path)
    if (exact) return exact
    const inRoot = roots.map((root) => byPath.get(`${root}/${path}`)).filter((r): r is Row => r !== undefined)
    return inRoot.length === 1 ? inRoot[0] : undefined
  }
}

export function planMetadataCsv(
  ctx: PlanContext,
  rows: readonly Row[],
  text: string,
): { plan: Plan; preview: CsvPreview } {
  const project = ctx.project
  if (!project)
    throw new PlanError('The project is not known yet, so the CSV columns cannot be checked: connect a profile first.')
  let records
  try {
    records = readMetadataCsv(text, project)
  } catch (err) {
    if (err instanceof CsvError) throw new PlanError(`The CSV cannot be read: ${err.message}`)
    throw err
  }
  const find = rowFinder(rows)
  const plan = emptyPlan()
  const preview: CsvPreview = {
    records: records.length,
    matched: 0,
    unknownPaths: [],
    unknownCount: 0,
    changes: [],
    changeCount: 0,
    refused: [],
    refusedCount: 0,
    ignoredColumns: [],
  }
  const ignored = new Set<string>()
  for (const record of records) {
    const row = find(record.relativePath)
    if (!row) {
      preview.unknownCount++
      if (preview.unknownPaths.length < SHOWN) preview.unknownPaths.push(`line ${record.line}: ${record.relativePath}`)
      continue
    }
    preview.matched++
    for (const { column, value } of record.cells) {
      const field = fieldOf(column)
      const ref = field ? parseField(field) : undefined
      if (!field || !ref) {
        if (column.kind === 'asset') ignored.add(`asset.${column.locale}`)
        continue
      }
      const before = plan.writes.length
      addWrite(plan, ctx, row.rowId, field, ref, value)
      const write = plan.writes[before]
      if (!write) continue
      preview.changeCount++
      if (preview.changes.length < SHOWN) {
        const was = formatCellValue(readField(row.entry, ref))
        preview.changes.push({
          rowId: row.rowId,
          relativePath: row.relativePath,
          field,
          before: was,
          after: formatCellValue(write.value),
        })
      }
    }
  }
  preview.refusedCount = plan.refused.length
  preview.refused = plan.refused.slice(0, SHOWN)
  preview.ignoredColumns = [...ignored]
  return { plan, preview }
}
