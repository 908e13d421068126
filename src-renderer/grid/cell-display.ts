/**
 * What a cell shows, sorts by and copies, per column; whether it applies to the row (the row's
 * media type has the property); which issues it carries. Pure; cells, sorting and copy share it.
 */
import { formatCellValue } from '../../src-shared/editing/cell-text'
import { issueCoversField, parseField, readField } from '../../src-shared/editing/field-path'
import type { FieldIssue, ProjectModel, Row } from '../../src-main/contract'
import { rowProblems } from '../store/issue-groups'
import type { GridColumn } from './column-model'
import { formatKind, formatSize, formatStatus, statusTooltip } from './format'

export function formatUpload(upload: Row['upload']): string {
  if (!upload) return ''
  switch (upload.state) {
    case 'queued':
      return 'Waiting'
    case 'uploading':
      return `${upload.bytesTotal > 0 ? Math.floor((100 * upload.bytesSent) / upload.bytesTotal) : 0}%`
    case 'paused':
      return 'Paused'
    case 'uploaded':
      return 'Uploaded'
    case 'cancelled':
      return 'Cancelled'
    case 'failed':
      return `Failed: ${upload.error?.message ?? 'unknown error'}`
  }
}

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** The cell's value in the entry, or undefined for a column that is no entry field. */
export function cellValue(column: GridColumn, row: Row): unknown {
  if (!column.field) return undefined
  const ref = parseField(column.field)
  return ref ? readField(row.entry, ref) : undefined
}

export function columnText(column: GridColumn, row: Row): string {
  switch (column.kind) {
    case 'path':
      return row.relativePath
    case 'kind':
      return formatKind(row.kind, row.status)
    case 'size':
      return formatSize(row.size)
    case 'upload':
      return formatUpload(row.upload)
    case 'status':
      return formatStatus(row)
    case 'localeAsset': {
      const asset = column.locale ? row.localeAssets?.[column.locale] : undefined
      return asset ? `${fileName(asset.path)}${asset.upload ? ` · ${formatUpload(asset.upload)}` : ''}` : ''
    }
    case 'mediaId':
      return row.result?.mediaId ?? ''
    case 'errors':
      return rowProblems(row)
        .map((i) => i.message)
        .join(' · ')
    case 'select':
    case 'thumbnail':
      return ''
    default:
      return formatCellValue(cellValue(column, row))
  }
}

/** The full story behind a cell's short text, for its tooltip: the Status cell's whole reason. */
export function columnTooltip(column: GridColumn, row: Row): string | undefined {
  return column.kind === 'status' ? statusTooltip(row) : undefined
}

export function sortValue(column: GridColumn, row: Row): string | number {
  if (column.kind === 'size') return row.size
  const value = cellValue(column, row)
  return typeof value === 'number' ? value : columnText(column, row).toLowerCase()
}

/** False when the row's media type has no such property (the cell is shown as not applicable). */
export function cellApplies(column: GridColumn, row: Row, project: ProjectModel | null): boolean {
  if (column.kind !== 'property' && column.kind !== 'translation') return true
  if (!project || !row.entry) return false
  const type = project.mediaTypes.find((t) => t.handle === row.entry?.mediaType)
  const property = type?.properties.find((p) => p.handle === column.property?.handle)
  if (!type || !property) return false
  return column.kind === 'property' || (type.translationsEnabled && property.translatable)
}

/** A failed submit or upload belongs to no field: its message is on the cell holding its way out. */
const PROBLEM_HOME: Partial<Record<GridColumn['kind'], string>> = { status: 'Import', upload: 'Upload' }

/** `problems`: the row's `rowProblems`, when the caller has them already (one pass over many cells). */
export function cellIssues(column: GridColumn, row: Row, problems?: readonly FieldIssue[]): FieldIssue[] {
  if (column.kind === 'errors') return [...(problems ?? rowProblems(row))]
  const home = PROBLEM_HOME[column.kind]
  if (home) return (problems ?? rowProblems(row)).filter((i) => i.field === home)
  const issues = row.issues
  if (!issues || issues.length === 0) return []
  const field =
    column.field ?? (column.kind === 'localeAsset' ? `translations.${column.locale ?? ''}.asset` : undefined)
  if (!field) return []
  return issues.filter((i) => issueCoversField(i.field, field))
}
