/**
 * The grid's columns, from the project config, in a captioning desk's order: the row box, the
 * preview and the file; then the fields an editor fills first (every required property and the
 * common captioning ones, in the project's order) and their translations; the technical columns
 * (file facts and the entry's identity, hidden until the editor asks for them: column-layout.ts);
 * every other metadata property (one column per handle; a row whose media type lacks it shows the
 * cell as not applicable) and its translations; a per-language file where a media type's asset is
 * translatable; the result; and last the row's state, which the grid pins at its right edge
 * (MediaGrid) so it is in view wherever the editor has scrolled. Widths follow what a field holds:
 * a caption wraps in a wide column, a credit is one short line. Pure.
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
  /** File facts and identity: shown only with "Technical columns" (column-layout.ts). */
  technical?: boolean
  /**
   * The media types (handles) whose rows can use the column: a field, its translation, a file per
   * language. The default layout leaves it out while no row of the session has one of them
   * (column-layout.ts); absent: every row can use it.
   */
  mediaTypes?: readonly string[]
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

/**
 * Handles a captioning desk fills on every picture, after the required ones (IPTC Core's
 * headline/description/credit/copyright, as Livingdocs projects usually name them).
 */
const LEADING_HANDLES = new Set(['title', 'caption', 'description', 'credit', 'copyright'])

export const isLeading = (p: PropertyModel): boolean => p.required || LEADING_HANDLES.has(p.handle)

const technical = (column: GridColumn): GridColumn => ({ ...column, technical: true })

/** One-line fields that hold a name or a short notice (IPTC credit line, copyright notice, source). */
const SHORT_LINE_HANDLES = new Set(['credit', 'copyright', 'source', 'byline', 'author', 'creator', 'photographer'])

/** Text that wraps (a caption) gets room for three lines of a sentence; a name, a line of it. */
export const widthOf = (p: PropertyModel): number =>
  p.plugin === 'li-text'
    ? p.allowNewlines
      ? 300
      : SHORT_LINE_HANDLES.has(p.handle) || (p.maxLength ?? Infinity) <= 80
        ? 180
        : 220
    : p.plugin === 'li-string-list'
      ? 200
      : 130

/** The media types that have the property (and, for a translation, translate it). */
function typesWith(project: ProjectModel, handle: string, translated: boolean): string[] {
  return project.mediaTypes
    .filter(
      (t) =>
        (!translated || t.translationsEnabled) &&
        t.properties.some((p) => p.handle === handle && (!translated || p.translatable)),
    )
    .map((t) => t.handle)
}

function propertyColumns(project: ProjectModel, lead: boolean): GridColumn[] {
  const columns: GridColumn[] = []
  for (const p of propertiesOf(project, false)) {
    if (isLeading(p) !== lead) continue
    const field = `metadata.${p.handle}`
    const mediaTypes = typesWith(project, p.handle, false)
    columns.push({ id: field, label: p.label, kind: 'property', field, property: p, width: widthOf(p), mediaTypes })
  }
  const further = project.languages.locales.filter((l) => l !== project.languages.defaultLocale)
  const translatable = propertiesOf(project, true).filter((p) => isLeading(p) === lead)
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
        mediaTypes: typesWith(project, p.handle, true),
      })
    }
  }
  return columns
}

export function buildColumns(project: ProjectModel | null): GridColumn[] {
  const columns: GridColumn[] = [
    fixed('select', 'Select', 'select', 44),
    fixed('thumbnail', 'Preview', 'thumbnail', 56),
    fixed('path', 'File', 'path', 240),
  ]
  if (project) columns.push(...propertyColumns(project, true))
  columns.push(
    ...[
      fixed('kind', 'Kind', 'kind', 110),
      fixed('size', 'Size', 'size', 90),
      fixed('upload', 'Upload', 'upload', 120),
      fixed('mediaType', 'Media type', 'mediaType', 120, 'mediaType'),
      fixed('id', 'Entry id', 'identity', 150, 'id'),
      fixed('systemName', 'systemName', 'identity', 140, 'systemName'),
      fixed('externalId', 'externalId', 'identity', 140, 'externalId'),
    ].map(technical),
  )
  if (project) {
    columns.push(...propertyColumns(project, false))
    const mediaTypes = project.mediaTypes.filter((t) => t.assetTranslatable).map((t) => t.handle)
    if (mediaTypes.length > 0) {
      for (const locale of project.languages.locales.filter((l) => l !== project.languages.defaultLocale))
        columns.push({ ...fixed(`asset.${locale}`, `File (${locale})`, 'localeAsset', 160), locale, mediaTypes })
    }
  }
  columns.push(
    fixed('mediaId', 'Media id', 'mediaId', 150),
    fixed('errors', 'Errors', 'errors', 320),
    fixed('status', 'Status', 'status', 160),
  )
  return columns
}

export const isEditable = (column: GridColumn): boolean => column.field !== undefined
