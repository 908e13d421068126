/**
 * The grid's columns, from the project config (DESIGN.md §4): file facts, the entry's identity,
 * every metadata property of the project's media types (one column per handle; a row whose media
 * type lacks it shows the cell as not applicable), one column per translatable property per
 * further language, a per-language file where a media type's asset is translatable, and the
 * result. Editable columns sit side by side, so a range pasted from a spreadsheet lines up. Pure.
 */
import type { ProjectModel, PropertyModel } from '../../src-main/contract'

export type ColumnKind =
  | 'select'
  | 'thumbnail'
  | 'path'
  | 'kind'
  | 'size'
  | 'upload'
  | 'status'
  | 'mediaType'
  | 'identity'
  | 'property'
  | 'translation'
  | 'localeAsset'
  | 'mediaId'
  | 'errors'

export interface GridColumn {
  id: string
  label: string
  kind: ColumnKind
  /** The entry field it edits (`metadata.title`…); absent for read-only columns. */
  field?: string
  /** Property columns: handle, plugin and the first media type's settings (labels, limits). */
  property?: PropertyModel
  locale?: string
  width: number
}

const fixed = (id: string, label: string, kind: ColumnKind, width: number, field?: string): GridColumn => ({
  id,
  label,
  kind,
  width,
  ...(field ? { field } : {}),
})

/** Plugins that hold structure an editor does not type (translations bookkeeping, crops). */
const NOT_A_CELL = new Set(['li-metadata-translations', 'li-named-crops', 'li-image-crop'])

function propertiesOf(project: ProjectModel, translatableOnly: boolean): PropertyModel[] {
  const byHandle = new Map<string, PropertyModel>()
  for (const type of project.mediaTypes) {
    if (translatableOnly && !type.translationsEnabled) continue
    for (const p of type.properties) {
      if (NOT_A_CELL.has(p.plugin) || (translatableOnly && !p.translatable)) continue
      if (!byHandle.has(p.handle)) byHandle.set(p.handle, p)
    }
  }
  return [...byHandle.values()]
}

const widthOf = (p: PropertyModel): number =>
  p.plugin === 'li-text'
    ? (p.maxLength ?? 0) > 300 || p.allowNewlines
      ? 260
      : 200
    : p.plugin === 'li-string-list'
      ? 200
      : 130

export function buildColumns(project: ProjectModel | null): GridColumn[] {
  const columns: GridColumn[] = [
    fixed('select', 'Select', 'select', 44),
    fixed('thumbnail', 'Preview', 'thumbnail', 56),
    fixed('path', 'File', 'path', 280),
    fixed('kind', 'Kind', 'kind', 110),
    fixed('size', 'Size', 'size', 90),
    fixed('upload', 'Upload', 'upload', 120),
    fixed('status', 'Status', 'status', 170),
    fixed('mediaType', 'Media type', 'mediaType', 120, 'mediaType'),
    fixed('id', 'Entry id', 'identity', 150, 'id'),
    fixed('systemName', 'systemName', 'identity', 140, 'systemName'),
    fixed('externalId', 'externalId', 'identity', 140, 'externalId'),
  ]
  if (project) {
    for (const p of propertiesOf(project, false)) {
      const field = `metadata.${p.handle}`
      columns.push({ id: field, label: p.label, kind: 'property', field, property: p, width: widthOf(p) })
    }
    const further = project.languages.locales.filter((l) => l !== project.languages.defaultLocale)
    const translatable = propertiesOf(project, true)
    for (const locale of further) {
      for (const p of translatable) {
        const field = `translations.${locale}.metadata.${p.handle}`
        columns.push({
          id: field,
          label: `${p.label} (${locale})`,
          kind: 'translation',
          field,
          property: p,
          locale,
          width: widthOf(p),
        })
      }
    }
    if (project.mediaTypes.some((t) => t.assetTranslatable)) {
      for (const locale of further)
        columns.push({ ...fixed(`asset.${locale}`, `File (${locale})`, 'localeAsset', 160), locale })
    }
  }
  columns.push(fixed('mediaId', 'Media id', 'mediaId', 150), fixed('errors', 'Errors', 'errors', 320))
  return columns
}

export const isEditable = (column: GridColumn): boolean => column.field !== undefined
