/**
 * The real import pipeline for browser journeys that submit: the Sandbox (local S3 + Livingdocs
 * emulator) in the test's data folder and an import session opened against it, as the app opens
 * one. A journey can also change the server's project config under the running app (the emulator
 * restarts on its port with the same token and stored entries), which is how a newsroom's admin
 * editing a media type while editors import looks from the app: the server refuses values the
 * app's copy of the config still allows.
 */
import { join } from 'node:path'
import { openImportSession, type ImportSession } from '../../src-main/core/pipeline/import-session'
import type { ThumbnailCache } from '../../src-main/core/probe/thumbnails/thumbnail-cache'
import { resolveProfile } from '../../src-main/core/profile/resolve-profile'
import { startEmulator, type RunningEmulator } from '../../src-main/core/sandbox/emulator'
import { loadSampleProjectConfig } from '../../src-main/core/sandbox/emulator/project-config'
import type { ProjectConfig } from '../../src-main/core/sandbox/emulator/types'
import { startSandbox, type RunningSandbox } from '../../src-main/core/sandbox/start-sandbox'

export interface SandboxImporter {
  sandbox: RunningSandbox
  importer: ImportSession
  /** The emulator answering now (a new one after `changeServerConfig`). */
  emulator(): RunningEmulator
  changeServerConfig(edit: (config: ProjectConfig) => ProjectConfig): Promise<void>
  /** Stores entries in the library directly, as another importer would have. */
  seedEntries(entries: Record<string, unknown>[]): Promise<void>
  close(): Promise<void>
}

export async function startSandboxImporter(
  dataDir: string,
  options: { thumbnails?: ThumbnailCache } = {},
): Promise<SandboxImporter> {
  const sandboxDir = join(dataDir, 'sandbox')
  const sandbox = await startSandbox({ dataDir: sandboxDir })
  let importer: ImportSession
  try {
    importer = await openImportSession({
      dir: join(dataDir, 'session'),
      profile: resolveProfile(sandbox.profile, sandbox.env),
      flushMs: 30,
      ...(options.thumbnails ? { thumbnails: options.thumbnails } : {}),
    })
  } catch (err) {
    await sandbox.close()
    throw err
  }
  let emulator: RunningEmulator = sandbox.emulator
  let replaced = false
  const apiBase = () => `${emulator.url}/api/${sandbox.profile.livingdocs.apiVersion ?? 'v1'}`
  return {
    sandbox,
    importer,
    emulator: () => emulator,
    changeServerConfig: async (edit) => {
      const port = Number(new URL(emulator.url).port)
      await emulator.close()
      emulator = await startEmulator({
        dataDir: join(sandboxDir, 'livingdocs'),
        port,
        token: sandbox.emulator.token,
        readOnlyToken: sandbox.emulator.readOnlyToken,
        projectConfig: edit(structuredClone(loadSampleProjectConfig())),
      })
      replaced = true
    },
    seedEntries: async (entries) => {
      const answer = await fetch(`${apiBase()}/import/mediaLibrary`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ mediaLibraryEntries: entries }),
      })
      const body = await answer.text()
      const stored = new Set(emulator.entries().map((e) => e.id))
      if (!answer.ok || entries.some((e) => !stored.has(String(e.id)))) {
        throw new Error(`Seeding the library failed: ${answer.status} ${body}`)
      }
    },
    close: async () => {
      await importer.close()
      if (replaced) await emulator.close()
      await sandbox.close()
    },
  }
}
