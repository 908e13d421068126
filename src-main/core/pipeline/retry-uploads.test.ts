/**
 * One upload-retry path: the app's Retry command and the CLI's (the pipeline's `retryUploads`,
 * which `cli/import-run.ts` calls) both hand their rows to `pipeline/retry-uploads.ts`, the one
 * function that looks at the engine and the files. What it does is shown over a real Sandbox in
 * `app/upload-handlers.test.ts` and `importer/pipeline.integration.test.ts`.
 */
import { describe, expect, it, vi } from 'vitest'
import { createUploadHandlers } from '../commands/upload-handlers'
import type { ImportSession } from './import-session'
import { ImportPipeline } from './import-pipeline'
import type { ImportApi } from '../importer/lookups'
import { Session } from '../session/session'
import type { UploadEngine } from '../storage/upload-engine'
import { retryUploads } from './retry-uploads'

vi.mock('./retry-uploads', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  retryUploads: vi.fn(async () => 7),
}))

describe('retrying uploads', () => {
  const session = new Session()
  const engine = { on: () => () => undefined, paused: false } as unknown as UploadEngine

  it('is the same function for the app and the CLI', async () => {
    const importer = { session, engine } as unknown as ImportSession
    const { handlers, dispose } = createUploadHandlers(importer, () => undefined)
    expect(await handlers.retryUploads({ rowIds: ['a', 'b'] })).toEqual({ retried: 7 })
    dispose()
    expect(retryUploads).toHaveBeenLastCalledWith(session, engine, ['a', 'b'])

    const pipeline = new ImportPipeline({
      session,
      engine,
      project: { mediaTypes: [] } as never,
      api: {} as ImportApi,
    })
    expect(await pipeline.retryUploads(['c'])).toBe(7)
    expect(retryUploads).toHaveBeenLastCalledWith(session, engine, ['c'])
    expect(retryUploads).toHaveBeenCalledTimes(2)
  })
})
