/**
 * The editor's way out for a damaged image or video: import its bytes as a plain file. Offered
 * when the probe said the bytes are readable (`canImportAsFile`), and for a video the probe could
 * give no duration (the server refuses a video asset without one, a file asset needs none); the
 * problem stays on the row as a warning.
 */
import { chooseMediaType } from '../prefill/media-type'
import { prefillMetadata } from '../prefill/prefill'
import type { MediaTypeModel } from '../model/livingdocs'
import type { Row, RowChange, RowEntry } from '../model/row'
import { isVideoWithoutDuration } from '../../../src-shared/rows/row-state'
import type { PrefillContext } from './row-facts'
import { step } from './row-step'

export function canImportAsFile(row: Pick<Row, 'status' | 'probeError' | 'kind' | 'duration'>): boolean {
  return (row.status === 'unreadable' && row.probeError?.canImportAsFile === true) || isVideoWithoutDuration(row)
}

/** Why the row cannot be imported as a file, or undefined when it can. */
export function importAsFileRefusal(
  row: Pick<Row, 'status' | 'probeError' | 'relativePath' | 'kind' | 'duration'>,
  context: PrefillContext = {},
): string | undefined {
  const where = row.relativePath
  if (isVideoWithoutDuration(row)) return noFileType(where, context)
  if (row.status !== 'unreadable' || !row.probeError) {
    return row.kind === 'file' && row.status !== 'unreadable'
      ? `${where} is already a file row.`
      : `${where} was read without a problem; there is no reason to import it as a file.`
  }
  if (!row.probeError.canImportAsFile) {
    return `${where} cannot be imported as a file: ${row.probeError.message}`
  }
  return noFileType(where, context)
}

function noFileType(where: string, context: PrefillContext): string | undefined {
  if (context.project && !chooseMediaType(context.project, 'file', context.defaults)) {
    return `${where} cannot be imported as a file: the project has no media type for files.`
  }
  return undefined
}

/** The change that turns the row into a file row, or undefined when the row cannot be. */
export function importAsFile(
  row: Pick<Row, 'status' | 'probeError' | 'relativePath' | 'warnings' | 'embedded' | 'entry' | 'kind' | 'duration'>,
  context: PrefillContext = {},
): RowChange | undefined {
  if (!canImportAsFile(row)) return undefined
  const mediaType = chooseMediaType(context.project, 'file', context.defaults)
  const fileName = row.relativePath.slice(row.relativePath.lastIndexOf('/') + 1)
  // A damaged file starts its upload now; a video without duration keeps its upload (same bytes).
  const damaged = row.status === 'unreadable'
  const why = row.probeError?.message ?? 'The video does not state its duration.'
  return {
    ...(row.entry ? { entry: asFileEntry(row.entry, mediaType) } : {}),
    ...(damaged ? step(row, 'import-as-file') : {}),
    kind: 'file',
    reason: undefined,
    probeError: undefined,
    width: undefined,
    height: undefined,
    duration: undefined,
    orientation: undefined,
    warnings: [...(row.warnings ?? []), { code: 'imported-as-file', message: `Imported as a file: ${why}` }],
    prefill: prefillMetadata({ fileName, embedded: row.embedded }, mediaType),
  }
}

/**
 * The entry with the file media type: the image or video handle it started with no longer fits
 * its kind (the prefill only fills a media type that is unset). Values for properties the file
 * type lacks are dropped, so the row does not start with errors the editor never made.
 */
function asFileEntry(entry: RowEntry, mediaType: MediaTypeModel | undefined): RowEntry {
  if (!mediaType) {
    const { mediaType: _dropped, ...rest } = entry
    return rest
  }
  const handles = new Set(mediaType.properties.map((p) => p.handle))
  const keep = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).filter(([key]) => handles.has(key)))
  const translations = Object.fromEntries(
    Object.entries(entry.translations).map(([locale, t]) => [locale, { metadata: keep(t.metadata) }]),
  )
  return { ...entry, mediaType: mediaType.handle, metadata: keep(entry.metadata), translations }
}
