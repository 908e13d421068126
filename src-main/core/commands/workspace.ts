/**
 * The app's workspace: which profile it imports with (the embedded Sandbox or a saved profile with
 * its secrets) and the one import session open over it. Sessions are folders under `sessionsDir`;
 * each remembers its profile, so reopening one uses that profile again or says precisely why it
 * cannot. Switching closes the old session first (uploads paused, everything saved), and a session
 * that fails to open leaves the previous one open again. One switch at a time. A session another
 * process holds can be looked at read-only instead: loaded from its files, never written.
 */
import { join } from 'node:path'
import type { AppInfo } from '../../contract'
import { openImportSession, type ImportSession } from '../pipeline/import-session'
import type { ResolvedProfile } from '../profile/resolve-profile'
import { listSessions } from '../session/persistence/list-sessions'
import { MediaImportError } from './errors'
import { loadReadOnlyView } from './read-only-view'
import { deleteSessionFolder, renameSessionFolder } from './session-folder-actions'
import { resolveSavedProfile } from './workspace-profile'
import type { OpenSession, ReadOnlyView, SandboxHandle, WorkspaceListener, WorkspaceOptions } from './workspace-shapes'
import { cleanSessionName, isSessionId, newSessionId, sessionLocked, toWorkspaceSession } from './workspace-sessions'
import { SANDBOX_NAME, type WorkspaceSession } from './workspace-types'

export type { OpenSession, ReadOnlyView, SandboxHandle, WorkspaceListener, WorkspaceOptions } from './workspace-shapes'

export class Workspace {
  private active: OpenSession | undefined
  private view: ReadOnlyView | undefined
  /** The session a failed switch could not open again: saving its profile (fixed) tries it again. */
  private stranded: { id: string; profileName: string } | undefined
  private sandbox: Promise<SandboxHandle> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<WorkspaceListener>()

  constructor(private readonly options: WorkspaceOptions) {}

  current(): OpenSession | undefined {
    return this.active
  }

  /** The session looked at read-only, if that is what the window shows. */
  viewing(): ReadOnlyView | undefined {
    return this.view
  }

  listen(listener: WorkspaceListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once no switch is under way (commands wait for it rather than reach a closing session). */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    )
  }

  async list(): Promise<WorkspaceSession[]> {
    const summaries = await listSessions(this.options.sessionsDir)
    return summaries.map((s) => toWorkspaceSession(s, this.active?.id))
  }

  /** At start: the most recently used readable session, else a new Sandbox session. */
  openStartup(): Promise<AppInfo> {
    return this.serial(async () => {
      // A session another process has open (the CLI, another window) is left to it.
      const usable = (s: WorkspaceSession): boolean => !s.problem && !s.openElsewhere
      const recent = (await this.list()).find((s) => usable(s) && s.profileName)
      if (recent?.profileName) {
        try {
          return await this.switchTo(recent.id, recent.profileName, true)
        } catch {
          // Its profile is gone or its server is down: the editor still gets a working window,
          // and the session list says what is wrong with that one.
        }
      }
      // Else the newest Sandbox session, so a restart never strands the editor's earlier Sandbox rows.
      const sandbox =
        recent?.profileName === SANDBOX_NAME
          ? undefined
          : (await this.list()).find((s) => usable(s) && s.profileName === SANDBOX_NAME)
      if (sandbox) return this.switchTo(sandbox.id, SANDBOX_NAME, true)
      return this.switchTo(await this.freshId(SANDBOX_NAME), SANDBOX_NAME, false)
    })
  }

  openSession(id: string, options: { readOnly?: boolean } = {}): Promise<AppInfo> {
    return this.serial(async () => {
      const found = (await this.list()).find((s) => s.id === id)
      if (!found) throw new MediaImportError('session-not-found', `No session "${id}" on this computer.`)
      if (found.current && this.active) return this.active.appInfo
      if (found.problem)
        throw new MediaImportError('session-unreadable', `Session "${id}" cannot be read: ${found.problem}`)
      if (!found.profileName) {
        throw new MediaImportError('session-unreadable', `Session "${id}" does not say which profile it imports with.`)
      }
      // Looked at only while held; once free it opens as usual.
      if (found.openElsewhere && options.readOnly) return this.viewReadOnly(id, found.profileName, found.openElsewhere)
      // Checked before the open session closes; taking the lock when opening checks it again.
      if (found.openElsewhere) throw sessionLocked(id, found.openElsewhere, 'open it')
      return this.switchTo(id, found.profileName, true)
    })
  }

  newSession(profileName: string): Promise<AppInfo> {
    return this.serial(async () => this.switchTo(await this.freshId(profileName), profileName, false))
  }

  /** The saved profile the open session imports with; undefined for the Sandbox or no session. */
  profileInUse(): string | undefined {
    const name = this.active?.profileName
    return name === SANDBOX_NAME ? undefined : name
  }

  /**
   * A saved profile changed. The open session that imports with it opens again with the new values
   * (storage, batch limits, token), so rows whose uploads failed for the old ones (a wrong bucket,
   * refused keys) go again by themselves, at their next part. Undefined: no open session uses it.
   */
  profileSaved(name: string, previousName?: string): Promise<AppInfo | undefined> {
    return this.serial(async () => {
      const target = this.active ?? this.stranded
      if (!target || (target.profileName !== name && target.profileName !== previousName)) return undefined
      const renamedFrom = previousName && previousName !== name ? previousName : undefined
      return this.switchTo(target.id, name, true, renamedFrom)
    })
  }

  deleteSession(id: string): Promise<boolean> {
    return this.serial(async () => {
      this.checkId(id)
      // The session looked at read-only too: its rows are on screen, even once its holder is done.
      if (this.active?.id === id || this.view?.id === id) {
        throw new MediaImportError('session-open', `Session "${id}" is open in this window: open another one first.`)
      }
      return deleteSessionFolder(join(this.options.sessionsDir, id), id)
    })
  }

  /**
   * Names a session; an empty name goes back to its folders' name. The open session journals it
   * at once; another is opened for the moment it takes (refused while another process has it).
   * Answers the name kept.
   */
  renameSession(id: string, typed: string): Promise<string> {
    return this.serial(async () => {
      this.checkId(id)
      const name = cleanSessionName(typed)
      if (this.active?.id === id) {
        this.active.importer.setName(name)
        return name
      }
      await renameSessionFolder(join(this.options.sessionsDir, id), id, name)
      return name
    })
  }

  /** Closes the open session (uploads paused, saved), then the Sandbox if it was started. */
  close(): Promise<void> {
    return this.serial(async () => {
      await this.closeActive()
      const sandbox = this.sandbox
      this.sandbox = undefined
      if (sandbox)
        await sandbox.then(
          (s) => s.close(),
          () => undefined,
        )
    })
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }

  private checkId(id: string): void {
    if (!isSessionId(id)) throw new MediaImportError('invalid-argument', `"${id}" is not a session id.`)
  }

  private async freshId(profileName: string): Promise<string> {
    const taken = new Set((await this.list()).map((s) => s.id))
    return newSessionId(profileName, (this.options.now ?? (() => new Date()))(), taken)
  }

  private async switchTo(id: string, profileName: string, mustExist: boolean, renamedFrom?: string): Promise<AppInfo> {
    this.checkId(id)
    // Resolved before anything closes: a missing profile or secret leaves the open session alone.
    const profile = await this.resolve(profileName, mustExist ? id : undefined)
    const previous = this.active
    const previousView = this.view
    await this.closeActive()
    try {
      return this.activate(id, profileName, await this.openImporter(id, profile, mustExist, renamedFrom))
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      let reopened = ''
      if (previousView) {
        // The session looked at is shown again: nothing was written, so nothing can have changed it.
        this.view = previousView
        for (const listener of this.listeners) listener.viewed?.(previousView)
        reopened = ` Session "${previousView.id}" is shown read-only again.`
      } else if (previous) {
        try {
          const again = await this.resolve(previous.profileName, previous.id)
          this.activate(previous.id, previous.profileName, await this.openImporter(previous.id, again, true))
          reopened = ` Session "${previous.id}" is open again.`
        } catch {
          this.stranded = { id: previous.id, profileName: previous.profileName }
          reopened = ` Session "${previous.id}" could not be opened again either: fix its profile and save it, or open a session from the list.`
        }
      }
      throw new MediaImportError(
        'session-open-failed',
        `Could not open session "${id}" with profile "${profileName}": ${reason}.${reopened}`,
      )
    }
  }

  /** Loads the held session's files (read, never written), then closes the open one and shows it. */
  private async viewReadOnly(id: string, profileName: string, holder: string): Promise<AppInfo> {
    const view = await loadReadOnlyView(this.options, id, profileName, holder)
    await this.closeActive()
    this.view = view
    for (const listener of this.listeners) listener.viewed?.(view)
    return view.appInfo
  }

  private openImporter(
    id: string,
    profile: ResolvedProfile,
    mustExist: boolean,
    renamedFrom?: string,
  ): Promise<ImportSession> {
    return openImportSession({
      ...this.options.sessionOptions,
      dir: join(this.options.sessionsDir, id),
      profile,
      ...(mustExist ? { mustExist: true } : {}),
      ...(renamedFrom ? { renamedFrom } : {}),
      lockedBy: 'the Media Importer app',
    })
  }

  private activate(id: string, profileName: string, importer: ImportSession): AppInfo {
    const sandbox = profileName === SANDBOX_NAME
    const appInfo: AppInfo = {
      version: this.options.version,
      mode: sandbox ? 'sandbox' : 'profile',
      profileName,
      livingdocsUrl: importer.meta.profile?.livingdocsUrl ?? '',
      ...(importer.editorUrl ? { editorUrl: importer.editorUrl } : {}),
      sessionId: id,
      sessionCreatedAt: importer.meta.createdAt,
    }
    this.active = { id, profileName, importer, appInfo }
    this.stranded = undefined
    for (const listener of this.listeners) listener.opened?.(this.active)
    return appInfo
  }

  private async closeActive(): Promise<void> {
    // A view holds nothing to save or release.
    this.view = undefined
    const active = this.active
    if (!active) return
    for (const listener of this.listeners) listener.closing?.(active)
    this.active = undefined
    await active.importer.close()
  }

  /** The profile with its secrets, or an error that says what is missing and what to do. */
  private async resolve(profileName: string, sessionId: string | undefined): Promise<ResolvedProfile> {
    if (profileName === SANDBOX_NAME) {
      this.sandbox ??= this.options.startSandbox()
      try {
        return (await this.sandbox).profile
      } catch (err) {
        this.sandbox = undefined
        throw new MediaImportError('sandbox-failed', `The Sandbox could not start: ${String(err)}`)
      }
    }
    return resolveSavedProfile(this.options.profiles, profileName, sessionId)
  }
}
