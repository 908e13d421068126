/**
 * Rows for tests, whole for their status: `exampleRow('imported')` carries a `result`, an
 * `uploaded` row an `upload`, so a fixture can never be a row the `Row` union rules out.
 */
import type { Row, RowChange, RowStatus } from '../../../src-main/core/model/row'
import { toRow, type RowCandidate } from '../row-shape'

/** What each status requires (row-shape.ts `REQUIRED`), filled with plain values. */
const REQUIRED_VALUES: Record<RowStatus, Partial<RowCandidate>> = {
  scanned: {},
  skipped: { reason: 'hidden file' },
  unreadable: { reason: 'The file could not be read.' },
  probed: {},
  uploading: { upload: { state: 'uploading', bytesSent: 0, bytesTotal: 10 } },
  uploaded: { upload: { state: 'uploaded', bytesSent: 10, bytesTotal: 10 } },
  'upload-failed': {
    upload: {
      state: 'failed',
      bytesSent: 0,
      bytesTotal: 10,
      error: { code: 'network', message: 'The network failed.', retryable: true },
    },
  },
  submitting: { upload: { state: 'uploaded', bytesSent: 10, bytesTotal: 10 } },
  rejected: {},
  conflict: {},
  'in-library': { inLibrary: { mediaId: 'existing-1', origin: 'found in the library' } },
  imported: { result: { mediaId: 'media-1', record: {} } },
}

/** A row of `status` named `rowId`, with what the status requires, then `over` on top. */
export function exampleRow(
  rowId: string,
  status: RowStatus,
  over: RowChange & Partial<Pick<Row, 'path' | 'relativePath'>> = {},
): Row {
  return toRow({
    rowId,
    path: `/media/${rowId}.jpg`,
    relativePath: `media/${rowId}.jpg`,
    size: 10,
    mtimeMs: 1,
    ...REQUIRED_VALUES[status],
    status,
    ...over,
  })
}

/** `row` with what its status requires filled in where it has none (fixtures that set a status). */
export function filledRow(row: RowCandidate): Row {
  const missing = Object.entries(REQUIRED_VALUES[row.status]).filter(
    ([field]) => row[field as keyof RowCandidate] === undefined,
  )
  return toRow({ ...row, ...Object.fromEntries(missing) })
}
