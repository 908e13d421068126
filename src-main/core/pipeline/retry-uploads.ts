/**
 * The one way uploads go again: the app's Retry (`app/upload-handlers.ts`) and the CLI's second
 * round (`ImportPipeline.retryUploads`, called by `cli/import-run.ts`) both call `retryUploads`,
 * so a changed file, a cancelled upload or a per-locale file is treated alike wherever the editor
 * asked. The engine's own state says what failed; the row says what was cancelled before this
 * process started.
 */
import { stat } from 'node:fs/promises'
import { localeUploadInputs, uploadInputOf } from './row-assets'
import type { Row } from '../model/row'
import type { Session } from '../session/session'
import { uploadKeyOf, type UploadInput } from '../storage/types'
import type { UploadEngine } from '../storage/upload-engine'

/** The upload keys of a row: its main file and each per-locale file. */
export function uploadKeysOf(row: Row): string[] {
  return [
    uploadKeyOf({ rowId: row.rowId }),
    ...Object.keys(row.localeAssets ?? {}).map((locale) => uploadKeyOf({ rowId: row.rowId, locale })),
  ]
}

/**
 * The input of an upload cancelled before this process started (a reopened session): the engine
 * never saw it, since cancelled rows are not handed over on open; Retry hands it over now.
 */
function cancelledInput(row: Row, key: string): UploadInput | undefined {
  if (key === row.rowId) {
    // A cancel moves a row whose bytes are on their way back to `probed` (row-lifecycle.ts).
    if (row.status !== 'probed' || row.upload?.state !== 'cancelled') return undefined
    const { upload: _cancelled, ...rest } = row
    return uploadInputOf(rest)
  }
  const locale = key.slice(row.rowId.length + 1)
  const asset = row.localeAssets?.[locale]
  if (asset?.upload?.state !== 'cancelled') return undefined
  const { upload: _cancelled, ...fresh } = asset
  return localeUploadInputs({ ...row, localeAssets: { [locale]: fresh } })[0]
}

/**
 * A changed main file is uploaded as it is now (the engine re-reads size and mtime); the row
 * takes the new size and mtime so the entry describes the bytes that were stored.
 */
async function refreshChangedFile(session: Session, row: Row): Promise<void> {
  const info = await stat(row.path).catch(() => undefined)
  if (!info || (info.size === row.size && Math.abs(info.mtimeMs - row.mtimeMs) < 1)) return
  session.updateRow(row.rowId, { size: info.size, mtimeMs: info.mtimeMs, sha256: undefined })
}

/**
 * Failed and cancelled uploads of the rows (all rows when `rowIds` is absent) go again, each file
 * read as it is now. Resolves with the number of uploads that went again.
 */
export async function retryUploads(
  session: Session,
  engine: UploadEngine,
  rowIds?: readonly string[],
): Promise<number> {
  const rows = rowIds
    ? rowIds.map((id) => session.getRow(id)).filter((row): row is Row => row !== undefined)
    : session.snapshot().rows
  let retried = 0
  for (const listed of rows) {
    const known = (key: string) => ['failed', 'cancelled'].includes(engine.status(key) ?? '')
    const keys = uploadKeysOf(listed).filter((key) => known(key) || cancelledInput(listed, key))
    if (keys.includes(listed.rowId)) await refreshChangedFile(session, listed)
    const row = session.getRow(listed.rowId) ?? listed
    for (const key of keys) {
      const input = known(key) ? undefined : cancelledInput(row, key)
      if (input) engine.enqueue(input)
      if (input || (await engine.retry(key))) retried++
    }
  }
  return retried
}
