/**
 * The session's results for the document import that follows (ARCHITECTURE.md, "Sessions and persistence"): per file its
 * relative path, entry id, media id (once imported), status and errors, as CSV (RFC 4180, a BOM so
 * Excel reads UTF-8, cells that would start a formula made text: core/csv/csv-write.ts) or JSON.
 * Entry ids exist before import, so the mapping is useful early.
 * Skipped files are not entries and are left out. Pure.
 */
import { csvRecord } from '../../../src-shared/csv/csv-write'
import type { Row } from '../model/row'

export interface ResultRecord {
  path: string
  entryId: string
  mediaId: string | null
  status: string
  errors: string[]
}

export function resultRecords(rows: readonly Row[]): ResultRecord[] {
  return rows
    .filter((row) => row.status !== 'skipped')
    .map((row) => ({
      path: row.relativePath,
      entryId: row.entry?.id ?? '',
      mediaId: row.result?.mediaId ?? null,
      status: row.status,
      errors: [
        ...(row.issues ?? []).map((i) => `${i.field}: ${i.message}`),
        ...(row.importFailure ? [row.importFailure.reason] : []),
        ...(row.status === 'unreadable' && row.reason ? [row.reason] : []),
        ...(row.upload?.state === 'failed' && row.upload.error ? [row.upload.error.message] : []),
      ],
    }))
}

export function resultsCsv(records: readonly ResultRecord[]): string {
  const lines = [csvRecord(['path', 'entryId', 'mediaId', 'status', 'errors'])]
  for (const r of records) lines.push(csvRecord([r.path, r.entryId, r.mediaId ?? '', r.status, r.errors.join('; ')]))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export function resultsJson(records: readonly ResultRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`
}
