/**
 * The import commands over the pipeline the host opened (core/importer/import-session.ts). A host
 * without one (no project connected yet) answers with an error that says so.
 */
import { z } from 'zod'
import type { ImportSession } from '../importer/import-session'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

export const importSchemas = {
  submit: z.object({ rowIds: z.array(z.string().min(1).max(100)).min(1).max(100_000).optional() }).strict(),
  resubmitFailed: z.undefined(),
}

export function createImportHandlers(importer: ImportSession | undefined): Pick<Handlers, 'submit' | 'resubmitFailed'> {
  const pipeline = (): ImportSession['pipeline'] => {
    if (importer) return importer.pipeline
    throw new MediaImportError(
      'not-connected',
      'No Livingdocs project is connected, so nothing can be submitted yet: choose a profile or use the Sandbox.',
    )
  }
  return {
    submit: async ({ rowIds }) => pipeline().submit(rowIds ? { rowIds } : {}),
    resubmitFailed: async () => pipeline().resubmitFailed(),
  }
}
