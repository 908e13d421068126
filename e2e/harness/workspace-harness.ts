/**
 * The app's workspace for browser journeys, built as main builds it (core/commands/workspace.ts): the
 * Sandbox started when a Sandbox session opens, saved profiles in a ProfileStore over an in-memory
 * SecretStore (safeStorage's stand-in), sessions under `<dataDir>/sessions`. Beside it runs a
 * second emulator + S3 — the "real" server a journey configures a profile for — so an import can be
 * shown to land there and not in the Sandbox. `openWindow` builds a fresh workspace over the same
 * data folder, as a restart of the app does. Each window's core is served by `media-import ui`'s
 * own server (ui-harness.ts), as the Sandbox ui (src-main/web/ui-host.ts) serves its workspace.
 */
import { join } from 'node:path'
import { Workspace } from '../../src-main/core/commands/workspace'
import { createWorkspaceCore, type WorkspaceCore } from '../../src-main/core/commands/workspace-core'
import { MemorySecretStore, ProfileStore } from '../../src-main/core/profile/profile-store'
import { resolveProfile } from '../../src-main/core/profile/resolve-profile'
import { startSandbox, type RunningSandbox } from '../../src-main/core/sandbox/start-sandbox'
import { EventStreams } from '../../src-main/web/event-stream'
import { serveCore, type HarnessUiServer } from './ui-harness'

export interface WorkspaceWindow {
  workspace: Workspace
  core: WorkspaceCore
  /** The ui server this window's page talks to. */
  server: HarnessUiServer
  /** The Sandbox this window started (once a Sandbox session opened). */
  sandbox(): RunningSandbox | undefined
  /** As quitting does: the server stopped, the open session saved and closed, then the Sandbox. */
  close(): Promise<void>
}

export interface WorkspaceHarness {
  dataDir: string
  /** The second server (Livingdocs emulator + S3) a profile is made for. */
  real: RunningSandbox
  profiles: ProfileStore
  secrets: MemorySecretStore
  /** Builds the window's workspace over the data folder and serves it; the page opens `server.url`. */
  openWindow(picker: { next: string[] }): Promise<WorkspaceWindow>
  close(): Promise<void>
}

export async function startWorkspaceHarness(dataDir: string): Promise<WorkspaceHarness> {
  const real = await startSandbox({ dataDir: join(dataDir, 'real-server') })
  const secrets = new MemorySecretStore()
  const windows: WorkspaceWindow[] = []
  // A restarted window is served on the same port: the page's origin, and with it its localStorage
  // (column layout, which sessions the reopen prompt offered), stays as the desktop app's does.
  let port = 0
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
    openWindow: async (picker) => {
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
      const events = new EventStreams()
      const core = createWorkspaceCore(workspace, {
        pickPaths: async () => picker.next,
        emit: events.emit,
        profiles: store,
      })
      const server = await serveCore({
        handlers: core.handlers,
        events,
        thumbnailDir: join(dataDir, 'thumbnails'),
        getRow: (rowId) => core.current().session.getRow(rowId),
        port,
      })
      port = server.port
      let closed: Promise<void> | undefined
      const window: WorkspaceWindow = {
        workspace,
        core,
        server,
        sandbox: () => sandbox,
        close: () =>
          (closed ??= (async () => {
            await server.close()
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
