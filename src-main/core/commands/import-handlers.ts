/**
 * The import commands over the pipeline the host opened (core/pipeline/import-session.ts). A host
 * without one (no project connected yet) answers with an error that says so.
 */
import { z } from 'zod'
import type { ImportSession } from '../pipeline/import-session'
import type { SubmitReport } from '../importer/submit-report'
import { previewLinkedPush, pushLinkedMetadata } from '../updater/linked-push'
import { updateRows, type UpdateOptions } from '../updater/update-rows'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

export const importSchemas = {
  submit: z.object({ rowIds: z.array(z.string().min(1).max(100)).min(1).max(100_000).optional() }).strict(),
  resubmitFailed: z.undefined(),
  previewLinkedPush: z.object({ rowId: z.string().min(1).max(100) }).strict(),
  pushLinkedMetadata: z.object({ rowIds: z.array(z.string().min(1).max(100)).min(1).max(100_000) }).strict(),
}

const refused = (err: unknown): never => {
  throw new MediaImportError('invalid-argument', err instanceof Error ? err.message : String(err))
}

export function createImportHandlers(
  importer: ImportSession | undefined,
): Pick<Handlers, 'submit' | 'resubmitFailed' | 'previewLinkedPush' | 'pushLinkedMetadata'> {
  const pipeline = (): ImportSession['pipeline'] => {
    if (importer) return importer.pipeline
    throw new MediaImportError(
      'not-connected',
      'No Livingdocs project is connected, so nothing can be submitted yet: choose a profile or use the Sandbox.',
    )
  }
  // The entry version each linked row's preview showed: the push sends against it, so an entry
  // changed between the preview and the editor's yes is a conflict on the row (linked-push.ts).
  const previewed = new Map<string, number>()
  // Submit also sends the corrections of imported rows (PATCH); "Re-submit failed" retries
  // the failed ones too. Conflicts stay on their rows: the library's version moved on.
  const withUpdates = async (report: SubmitReport, options: UpdateOptions): Promise<SubmitReport> => {
    if (!importer || report.stopped) return report
    const updates = await updateRows(importer.session, importer.client, options)
    if (updates.updated === 0 && updates.failed.length === 0 && !updates.stopped) return report
    const stopped = updates.stopped ? { stopped: { kind: 'update', message: updates.stopped } } : {}
    return { ...report, updated: updates.updated, updateFailed: updates.failed.length, ...stopped }
  }
  return {
    submit: async ({ rowIds }) =>
      withUpdates(await pipeline().submit(rowIds ? { rowIds } : {}), rowIds ? { rowIds } : {}),
    resubmitFailed: async () => withUpdates(await pipeline().resubmitFailed(), { includeFailed: true }),
    previewLinkedPush: async ({ rowId }) => {
      pipeline()
      const preview = await previewLinkedPush(importer!.session, importer!.client, rowId).catch(refused)
      if (preview.version === undefined) previewed.delete(rowId)
      else previewed.set(rowId, preview.version)
      return preview
    },
    pushLinkedMetadata: async ({ rowIds }) => {
      pipeline()
      const versions: Record<string, number> = {}
      for (const id of rowIds) {
        const version = previewed.get(id)
        if (version !== undefined) versions[id] = version
        previewed.delete(id)
      }
      return pushLinkedMetadata(importer!.session, importer!.client, rowIds, { versions }).catch(refused)
    },
  }
}
