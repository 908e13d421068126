/**
 * Which backend this run talks to, and the import session over it: the workspace
 * (core/commands/workspace.ts) over `<userData>/sessions`. The first start opens a new Sandbox session
 * (ARCHITECTURE.md, "The Sandbox"), so `npm start` lands in a working Sandbox; later starts open the most recent
 * session with the profile it remembers, and the window offers the other unfinished ones. The
 * embedded Sandbox starts only when a Sandbox session is opened. Nothing here imports electron,
 * so it is testable in Node.
 */
import { join } from 'node:path'
import type { AppInfo } from '../contract'
import { Workspace } from '../core/commands/workspace'
import { ThumbnailCache } from '../core/probe/thumbnails/thumbnail-cache'
import type { ProfileStore } from '../core/profile/profile-store'
import { resolveProfile } from '../core/profile/resolve-profile'
import { startSandbox } from '../core/sandbox/start-sandbox'

export interface HostMode {
  workspace: Workspace
  /** What the session opened at start says (the window asks again on every switch). */
  appInfo: AppInfo
  /** Where thumbnails are cached; the media-thumb: protocol serves this folder only. */
  thumbnailDir: string
  close(): Promise<void>
}

export function hostFolders(userDataDir: string): { sandbox: string; sessions: string; thumbnails: string } {
  return {
    sandbox: join(userDataDir, 'sandbox'),
    // Earlier versions kept their one Sandbox session in sessions/sandbox: it is listed like any other.
    sessions: join(userDataDir, 'sessions'),
    thumbnails: join(userDataDir, 'thumbnails'),
  }
}

export async function startHostMode(
  userDataDir: string,
  version: string,
  profiles?: ProfileStore | Error,
): Promise<HostMode> {
  const folders = hostFolders(userDataDir)
  const workspace = new Workspace({
    sessionsDir: folders.sessions,
    version,
    ...(profiles ? { profiles } : {}),
    startSandbox: async () => {
      const sandbox = await startSandbox({ dataDir: folders.sandbox })
      return { profile: resolveProfile(sandbox.profile, sandbox.env), close: () => sandbox.close() }
    },
    sessionOptions: {
      thumbnails: new ThumbnailCache({ dir: folders.thumbnails }),
      // Deprecations the server announces (`Warning` headers): once per session (one client
      // each), into the app log, which mirrors console.warn (app-log.ts).
      livingdocs: { onWarning: (warning) => console.warn(`[livingdocs] The server warns: ${warning}`) },
    },
  })
  let appInfo: AppInfo
  try {
    appInfo = await workspace.openStartup()
  } catch (err) {
    await workspace.close()
    throw err
  }
  return {
    workspace,
    appInfo,
    thumbnailDir: folders.thumbnails,
    // The session first (uploads paused, saved) while the servers still answer, then the Sandbox.
    close: () => workspace.close(),
  }
}
