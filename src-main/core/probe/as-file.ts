/**
 * The editor's way out for a damaged image or video: import its bytes as a plain file. Only
 * offered when the probe said the bytes are readable (`canImportAsFile`); the problem stays
 * on the row as a warning.
 */
import { chooseMediaType } from '../prefill/media-type'
import { prefillMetadata } from '../prefill/prefill'
import type { Row } from '../session/row'
import type { PrefillContext } from './row-facts'

export function canImportAsFile(row: Pick<Row, 'status' | 'probeError'>): boolean {
  return row.status === 'unreadable' && row.probeError?.canImportAsFile === true
}

/** The change that turns the row into a file row, or undefined when the row cannot be. */
export function importAsFile(
  row: Pick<Row, 'status' | 'probeError' | 'relativePath' | 'warnings' | 'embedded'>,
  context: PrefillContext = {},
): Partial<Row> | undefined {
  if (!canImportAsFile(row) || !row.probeError) return undefined
  const mediaType = chooseMediaType(context.project, 'file', context.defaults)
  const fileName = row.relativePath.slice(row.relativePath.lastIndexOf('/') + 1)
  return {
    status: 'probed',
    kind: 'file',
    reason: undefined,
    probeError: undefined,
    width: undefined,
    height: undefined,
    duration: undefined,
    orientation: undefined,
    warnings: [
      ...(row.warnings ?? []),
      { code: 'imported-as-file', message: `Imported as a file: ${row.probeError.message}` },
    ],
    prefill: prefillMetadata({ fileName }, mediaType),
  }
}
