/**
 * Upload control over the import session's engine: pause / resume everything, cancel (all or
 * some rows; a multipart upload is aborted on the server), retry failed or cancelled rows, and
 * the total progress (also pushed as the `uploadProgress` event, at most 5 a second).
 */
import { stat } from 'node:fs/promises'
import { z } from 'zod'
import type { ImportSession } from '../importer/import-session'
import { localeUploadInputs, uploadInputOf } from '../importer/row-assets'
import type { Row } from '../session/row'
import { uploadKeyOf } from '../storage/types'
import type { UploadInput, UploadProgress } from '../storage/types'
import type { UploadEngine } from '../storage/upload-engine'
import { MediaImportError } from './errors'
import type { Emit, Handlers } from './handler-types'

const rowIds = z.array(z.string().min(1).max(100)).max(100_000)

export const uploadSchemas = {
  pauseUploads: z.undefined(),
  resumeUploads: z.undefined(),
  cancelUploads: z.object({ rowIds: rowIds.optional() }).strict(),
  retryUploads: z.object({ rowIds: rowIds.min(1) }).strict(),
  getUploadProgress: z.undefined(),
}

type UploadCommand = keyof typeof uploadSchemas

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
    if (row.upload?.state !== 'cancelled') return undefined
    const { upload: _cancelled, ...rest } = row
    return uploadInputOf(rest)
  }
  const locale = key.slice(row.rowId.length + 1)
  const asset = row.localeAssets?.[locale]
  if (asset?.upload?.state !== 'cancelled') return undefined
  const { upload: _cancelled, ...fresh } = asset
  return localeUploadInputs({ ...row, localeAssets: { [locale]: fresh } })[0]
}

function progressOf(engine: UploadEngine): UploadProgress {
  return { ...engine.totals(), paused: engine.paused }
}

/**
 * A changed main file is uploaded as it is now (the engine re-reads size and mtime); the row
 * takes the new size and mtime so the entry describes the bytes that were stored.
 */
async function refreshChangedFile(importer: ImportSession, row: Row): Promise<void> {
  const info = await stat(row.path).catch(() => undefined)
  if (!info || (info.size === row.size && Math.abs(info.mtimeMs - row.mtimeMs) < 1)) return
  importer.session.updateRow(row.rowId, { size: info.size, mtimeMs: info.mtimeMs, sha256: undefined })
}

export function createUploadHandlers(
  importer: ImportSession | undefined,
  emit: Emit,
): { handlers: Pick<Handlers, UploadCommand>; dispose(): void } {
  const engine = (): UploadEngine => {
    if (importer) return importer.engine
    throw new MediaImportError(
      'not-connected',
      'No storage is connected, so there are no uploads to control yet: choose a profile or use the Sandbox.',
    )
  }
  const rowsOf = (ids: readonly string[] | undefined): Row[] => {
    const session = importer?.session
    if (!session) return []
    if (!ids) return session.snapshot().rows
    return ids.map((id) => session.getRow(id)).filter((row): row is Row => row !== undefined)
  }
  const announce = (): UploadProgress => {
    const progress = progressOf(engine())
    emit('uploadProgress', progress)
    return progress
  }
  const off = importer?.engine.on('total', (total) =>
    emit('uploadProgress', { ...total, paused: importer.engine.paused }),
  )

  const handlers: Pick<Handlers, UploadCommand> = {
    pauseUploads: async () => {
      engine().pause()
      return announce()
    },
    resumeUploads: async () => {
      engine().resume()
      return announce()
    },
    cancelUploads: async ({ rowIds: ids }) => {
      const target = engine()
      if (!ids) return { cancelled: await target.cancelAll() }
      const results = await Promise.all(rowsOf(ids).flatMap((row) => uploadKeysOf(row).map((k) => target.cancel(k))))
      return { cancelled: results.filter(Boolean).length }
    },
    retryUploads: async ({ rowIds: ids }) => {
      const target = engine()
      let retried = 0
      for (const listed of rowsOf(ids)) {
        if (!importer) break
        const known = (key: string) => ['failed', 'cancelled'].includes(target.status(key) ?? '')
        const keys = uploadKeysOf(listed).filter((key) => known(key) || cancelledInput(listed, key))
        if (keys.includes(listed.rowId)) await refreshChangedFile(importer, listed)
        const row = importer.session.getRow(listed.rowId) ?? listed
        for (const key of keys) {
          const input = known(key) ? undefined : cancelledInput(row, key)
          if (input) target.enqueue(input)
          if (input || (await target.retry(key))) retried++
        }
      }
      return { retried }
    },
    getUploadProgress: async () => progressOf(engine()),
  }
  return { handlers, dispose: () => off?.() }
}
