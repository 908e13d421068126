/**
 * The workspace's main-side shapes (workspace.ts): what it is given, the session it holds open,
 * the session it shows read-only, and what it tells its listeners. The shapes that cross IPC are in
 * workspace-types.ts, which stays free of Node imports for the renderer.
 */
import type { AppInfo } from '../../contract'
import type { ImportSession, OpenImportSessionOptions } from '../pipeline/import-session'
import type { ProfileStore } from '../profile/profile-store'
import type { ResolvedProfile } from '../profile/resolve-profile'
import type { Session } from '../session/session'

/** The embedded Sandbox as the workspace needs it: its profile (secrets included) and a way to stop it. */
export interface SandboxHandle {
  profile: ResolvedProfile
  close(): Promise<void>
}

export interface WorkspaceOptions {
  sessionsDir: string
  version: string
  profiles?: ProfileStore | Error
  /** Starts the Sandbox; called when a Sandbox session is first opened, then kept running. */
  startSandbox: () => Promise<SandboxHandle>
  /** Passed to every session opened (thumbnails, flush interval, test overrides). */
  sessionOptions?: Omit<OpenImportSessionOptions, 'dir' | 'profile' | 'mustExist' | 'roots' | 'renamedFrom'>
  now?: () => Date
}

export interface OpenSession {
  id: string
  profileName: string
  importer: ImportSession
  appInfo: AppInfo
}

/** A session another process holds, looked at: loaded from its files, never written, no lock taken. */
export interface ReadOnlyView {
  id: string
  profileName: string
  session: Session
  /** With `readOnly`: the notice naming the holder. */
  appInfo: AppInfo & { readOnly: string }
}

export interface WorkspaceListener {
  /** Before the open session closes: stop using its importer. */
  closing?(session: OpenSession): void
  /** A session is open (after a switch, or the previous one again after a failed switch). */
  opened?(session: OpenSession): void
  /** A session is looked at read-only (no session is open for writing then). */
  viewed?(view: ReadOnlyView): void
}
