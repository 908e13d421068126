/**
 * A metadata CSV (the CLI's `--metadata FILE.csv`, the app's CSV import): one record per file,
 * keyed by its relative path, setting the entry's metadata, translations (`title.fr`), systemName,
 * externalId, id, media type, and per-locale asset files (`asset.fr`). Columns are checked against
 * the project before anything happens; an empty cell changes nothing. Values are shaped for their
 * property's plugin when applied. Pure.
 */
import type { MediaTypeModel, ProjectModel, PropertyModel } from '../model/livingdocs'
import type { EntryEdit } from '../pipeline/row-entry'
import { CsvError, parseCsv } from '../../../src-shared/csv/csv'

export type Column =
  | { kind: 'path' }
  | { kind: 'id' | 'mediaType' | 'systemName' | 'externalId' }
  | { kind: 'metadata'; handle: string }
  | { kind: 'translation'; handle: string; locale: string }
  | { kind: 'asset'; locale: string }

export interface MetadataRecord {
  line: number
  relativePath: string
  /** column -> cell, for the non-empty cells only. */
  cells: { column: Column; value: string }[]
}

const PATH_HEADERS = new Set(['relativePath', 'path'])
const ENTRY_FIELDS = new Set(['id', 'mediaType', 'systemName', 'externalId'])

function propertiesByHandle(project: ProjectModel): Map<string, PropertyModel[]> {
  const out = new Map<string, PropertyModel[]>()
  for (const type of project.mediaTypes) {
    for (const p of type.properties) out.set(p.handle, [...(out.get(p.handle) ?? []), p])
  }
  return out
}

function readColumn(header: string, project: ProjectModel, known: Map<string, PropertyModel[]>): Column {
  if (PATH_HEADERS.has(header)) return { kind: 'path' }
  if (ENTRY_FIELDS.has(header)) return { kind: header as 'id' }
  const dot = header.lastIndexOf('.')
  const locales = project.languages.locales
  if (dot > 0) {
    const handle = header.slice(0, dot)
    const locale = header.slice(dot + 1)
    if (!locales.includes(locale)) {
      throw new CsvError(
        1,
        `column "${header}": "${locale}" is not a language of this project (${locales.join(', ') || 'none configured'}).`,
      )
    }
    if (handle === 'asset') return { kind: 'asset', locale }
    const properties = known.get(handle)
    if (!properties)
      throw new CsvError(1, `column "${header}": no media type of this project has a property "${handle}".`)
    if (!properties.some((p) => p.translatable)) {
      throw new CsvError(1, `column "${header}": "${handle}" is not translatable in this project.`)
    }
    return { kind: 'translation', handle, locale }
  }
  if (known.has(header)) return { kind: 'metadata', handle: header }
  const handles = [...known.keys()].join(', ')
  throw new CsvError(
    1,
    `unknown column "${header}". Columns are relativePath, id, mediaType, systemName, externalId, a metadata property (${handles}), property.locale (e.g. title.${locales[0] ?? 'fr'}) or asset.locale.`,
  )
}

/**
 * U+FFFD is what a decoder leaves for bytes that were not UTF-8 (a browser's `File.text()` does
 * so silently); a value holding it would be imported mangled, so the line is refused instead.
 */
function refuseReplacementCharacter(text: string): void {
  const at = text.indexOf('\uFFFD')
  if (at < 0) return
  const line = text.slice(0, at).split('\n').length
  throw new CsvError(
    line,
    '',
    `line ${line} is not UTF-8: it holds "\uFFFD" where bytes could not be read (often an Excel "CSV (Windows)" export); save it as "CSV UTF-8" and try again.`,
  )
}

export function readMetadataCsv(text: string, project: ProjectModel): MetadataRecord[] {
  refuseReplacementCharacter(text)
  const [header, ...records] = parseCsv(text)
  if (!header) throw new CsvError(1, 'the file is empty; the first line names the columns (relativePath,title,…).')
  if (header.fields.length === 1 && header.fields[0]?.includes(';')) {
    throw new CsvError(1, 'columns are separated by ";": save the file as CSV with commas.')
  }
  const known = propertiesByHandle(project)
  const seen = new Set<string>()
  const columns = header.fields.map((raw) => {
    const name = raw.trim()
    if (seen.has(name)) throw new CsvError(1, `column "${name}" appears twice.`)
    seen.add(name)
    return readColumn(name, project, known)
  })
  const pathAt = columns.findIndex((c) => c.kind === 'path')
  if (pathAt < 0) throw new CsvError(1, 'no relativePath column: each line must name its file by its relative path.')
  return records.map((record) => {
    if (record.fields.length !== columns.length) {
      throw new CsvError(record.line, `${record.fields.length} fields, but the header names ${columns.length} columns.`)
    }
    const relativePath = (record.fields[pathAt] ?? '').trim()
    if (!relativePath) throw new CsvError(record.line, 'the relativePath is empty.')
    const cells = columns.flatMap((column, i) => {
      const value = record.fields[i] ?? ''
      return column.kind === 'path' || value.trim() === '' ? [] : [{ column, value }]
    })
    return { line: record.line, relativePath, cells }
  })
}

const normalise = (path: string): string => path.normalize('NFC').replaceAll('\\', '/').replace(/^\.\//, '')

/**
 * The file each record names: its relative path as the scan shows it (`drop/a.jpg`), or the path
 * inside the one dropped folder (`a.jpg`). Unknown and repeated paths are errors naming the line.
 */
export function matchRecords(
  records: readonly MetadataRecord[],
  relativePaths: readonly string[],
  rootNames: readonly string[],
): Map<string, MetadataRecord> {
  const known = new Set(relativePaths)
  const out = new Map<string, MetadataRecord>()
  const lineOf = new Map<string, number>()
  for (const record of records) {
    const path = normalise(record.relativePath)
    const candidates = known.has(path) ? [path] : rootNames.map((root) => `${root}/${path}`).filter((p) => known.has(p))
    if (candidates.length === 0) {
      const example = relativePaths[0] ? ` (paths look like "${relativePaths[0]}")` : ''
      throw new CsvError(record.line, `no file "${record.relativePath}" among the files given${example}.`)
    }
    if (candidates.length > 1) {
      throw new CsvError(
        record.line,
        `"${record.relativePath}" matches ${candidates.join(' and ')}: write the full relative path.`,
      )
    }
    const match = candidates[0] as string
    const earlier = lineOf.get(match)
    if (earlier !== undefined) throw new CsvError(record.line, `"${match}" was already set on line ${earlier}.`)
    lineOf.set(match, record.line)
    out.set(match, record)
  }
  return out
}

const TRUE = new Set(['true', 'yes', '1'])
const FALSE = new Set(['false', 'no', '0'])

/** A cell's text as the property's plugin stores it; anything that does not fit stays text, for validation to name. */
export function csvValue(property: PropertyModel | undefined, text: string): unknown {
  const value = text.trim()
  switch (property?.plugin) {
    case 'li-integer':
    case 'li-system-integer':
      return /^[+-]?\d+$/.test(value) ? Number(value) : value
    case 'li-boolean':
    case 'li-system-boolean':
      return TRUE.has(value.toLowerCase()) ? true : FALSE.has(value.toLowerCase()) ? false : value
    case 'li-string-list':
      return value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean)
    case 'li-numeric-list':
      return value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => (/^[+-]?\d+$/.test(v) ? Number(v) : v))
    case 'li-metadata-translations':
      return value.startsWith('{') ? parseJson(value) : { locale: value, label: value }
    case 'li-datetime-validity':
    case 'li-license-profile':
      return parseJson(value)
    case 'li-text':
      // Text keeps its inner whitespace and line breaks; only the cell's ends are trimmed.
      return text.replace(/^[ \t]+|[ \t]+$/g, '')
    default:
      return value
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** The edit a record makes to an entry of media type `type` (the record's own mediaType wins). */
export function editOf(record: MetadataRecord, type: MediaTypeModel | undefined, project: ProjectModel): EntryEdit {
  const chosen = record.cells.find((c) => c.column.kind === 'mediaType')?.value.trim()
  const mediaType = (chosen ? project.mediaTypes.find((t) => t.handle === chosen) : undefined) ?? type
  const property = (handle: string): PropertyModel | undefined =>
    mediaType?.properties.find((p) => p.handle === handle) ??
    project.mediaTypes.flatMap((t) => t.properties).find((p) => p.handle === handle)
  const edit: EntryEdit = {}
  for (const { column, value } of record.cells) {
    switch (column.kind) {
      case 'id':
      case 'mediaType':
      case 'systemName':
      case 'externalId':
        edit[column.kind] = value.trim()
        break
      case 'metadata':
        edit.metadata = { ...edit.metadata, [column.handle]: csvValue(property(column.handle), value) }
        break
      case 'translation': {
        const values = {
          ...edit.translations?.[column.locale],
          [column.handle]: csvValue(property(column.handle), value),
        }
        edit.translations = { ...edit.translations, [column.locale]: values }
        break
      }
      default:
        break
    }
  }
  return edit
}

/** locale -> the file path the record gives for that locale's asset. */
export function localeAssetPaths(record: MetadataRecord): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { column, value } of record.cells) if (column.kind === 'asset') out[column.locale] = value.trim()
  return out
}
