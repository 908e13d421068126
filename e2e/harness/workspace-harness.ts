/**
 * The app's workspace for browser journeys, built as main builds it (core/app/workspace.ts): the
 * Sandbox started when a Sandbox session opens, saved profiles in a ProfileStore over an in-memory
 * SecretStore (safeStorage's stand-in), sessions under `<dataDir>/sessions`. Beside it runs a
 * second emulator + S3 — the "real" server a journey configures a profile for — so an import can be
 * shown to land there and not in the Sandbox. `openWindow` builds a fresh workspace over the same
 * data folder, as a restart of the app does.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { Workspace } from '../../src-main/core/app/workspace'
import { createWorkspaceCore, type WorkspaceCore } from '../../src-main/core/app/workspace-handlers'
import { MemorySecretStore, ProfileStore } from '../../src-main/core/profile/profile-store'
import { resolveProfile } from '../../src-main/core/profile/resolve-profile'
import { startSandbox, type RunningSandbox } from '../../src-main/core/sandbox/start-sandbox'
import { installBridge, pageEmitter } from './bridge'

export interface WorkspaceWindow {
  workspace: Workspace
  core: WorkspaceCore
  /** The Sandbox this window started (once a Sandbox session opened). */
  sandbox(): RunningSandbox | undefined
  /** As quitting does: the open session saved and closed, then the Sandbox. */
  close(): Promise<void>
}

export interface WorkspaceHarness {
  dataDir: string
  /** The second server (Livingdocs emulator + S3) a profile is made for. */
  real: RunningSandbox
  profiles: ProfileStore
  secrets: MemorySecretStore
  /** Builds the window's workspace over the data folder and installs the bridge on the page. */
  openWindow(page: Page, picker: { next: string[] }, onProblem: (p: string) => void): Promise<WorkspaceWindow>
  close(): Promise<void>
}

export async function startWorkspaceHarness(dataDir: string): Promise<WorkspaceHarness> {
  const real = await startSandbox({ dataDir: join(dataDir, 'real-server') })
  const secrets = new MemorySecretStore()
  const windows: WorkspaceWindow[] = []
  let profiles: ProfileStore
  try {
    profiles = await ProfileStore.open(join(dataDir, 'profiles.json'), secrets)
  } catch (err) {
    await real.close()
    throw err
  }
  return {
    dataDir,
    real,
    profiles,
    secrets,
    openWindow: async (page, picker, onProblem) => {
      let sandbox: RunningSandbox | undefined
      // A restarted app reads its profiles file again.
      const store = await ProfileStore.open(join(dataDir, 'profiles.json'), secrets)
      const workspace = new Workspace({
        sessionsDir: join(dataDir, 'sessions'),
        version: '0.0.0-e2e',
        profiles: store,
        startSandbox: async () => {
          sandbox = await startSandbox({ dataDir: join(dataDir, 'sandbox') })
          return { profile: resolveProfile(sandbox.profile, sandbox.env), close: () => sandbox!.close() }
        },
        sessionOptions: { flushMs: 30 },
      })
      await workspace.openStartup()
      const core = createWorkspaceCore(workspace, {
        pickPaths: async () => picker.next,
        emit: pageEmitter(page, (err) => onProblem(`event not delivered: ${String(err)}`)),
        profiles: store,
      })
      await installBridge(page, core.handlers)
      let closed: Promise<void> | undefined
      const window: WorkspaceWindow = {
        workspace,
        core,
        sandbox: () => sandbox,
        close: () =>
          (closed ??= (async () => {
            core.dispose()
            await workspace.close()
          })()),
      }
      windows.push(window)
      return window
    },
    close: async () => {
      for (const window of windows) await window.close()
      await real.close()
    },
  }
}
