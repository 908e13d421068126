/**
 * Upload control over the import session's engine: pause / resume everything, cancel (all or
 * some rows; a multipart upload is aborted on the server), retry failed or cancelled rows, and
 * the total progress (also pushed as the `uploadProgress` event, at most 5 a second).
 */
import { z } from 'zod'
import type { ImportSession } from '../pipeline/import-session'
import { retryUploads, uploadKeysOf } from '../pipeline/retry-uploads'
import type { Row } from '../model/row'
import type { UploadProgress } from '../storage/types'
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

function progressOf(engine: UploadEngine): UploadProgress {
  return { ...engine.totals(), paused: engine.paused }
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
    // The same path as the CLI's retry (pipeline/retry-uploads.ts).
    retryUploads: async ({ rowIds: ids }) => {
      const target = engine()
      return { retried: importer ? await retryUploads(importer.session, target, ids) : 0 }
    },
    getUploadProgress: async () => progressOf(engine()),
  }
  return { handlers, dispose: () => off?.() }
}
