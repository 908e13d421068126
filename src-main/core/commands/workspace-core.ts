/**
 * The handler table that follows the open session: every command goes to the AppCore of the session open now, and a switch disposes
 * that core and builds the next one over the new importer, then tells the window (`workspaceChanged`)
 * to reload its snapshot, project and app info.
 */
import type { AppInfo } from '../../contract'
import { commandNames } from '../../contract'
import { Session } from '../session/session'
import { createAppCore, type AppCore, type Handlers, type HostDeps } from './handlers'
import { readOnlyHandlers } from './read-only-handlers'
import type { Workspace } from './workspace'

export interface WorkspaceCore {
  handlers: Handlers
  /** The AppCore of the open session (for tests and the host). */
  current(): AppCore
  dispose(): void
}

/** What the host gives every session's AppCore; the importer, app info and workspace come from here. */
export type WorkspaceHostDeps = Omit<HostDeps, 'importer' | 'appInfo' | 'workspace'>

export function createWorkspaceCore(workspace: Workspace, deps: WorkspaceHostDeps): WorkspaceCore {
  let lastInfo: AppInfo | undefined
  const build = (): AppCore => {
    const view = workspace.viewing()
    if (view) {
      // No importer (nothing can upload or submit) and a guard that refuses every changing command.
      const core = createAppCore({ ...deps, workspace, appInfo: () => view.appInfo }, view.session)
      return { ...core, handlers: readOnlyHandlers(core.handlers, view.appInfo.readOnly) }
    }
    const open = workspace.current()
    if (open) {
      lastInfo = open.appInfo
      return createAppCore({ ...deps, workspace, importer: open.importer, appInfo: () => open.appInfo })
    }
    // Between sessions (or none could open): an empty, unsaved session that can still list and open others.
    const info = lastInfo ?? { version: '', mode: 'sandbox' as const, profileName: '', livingdocsUrl: '' }
    return createAppCore({ ...deps, workspace, appInfo: () => info }, new Session())
  }
  let core = build()
  const stop = workspace.listen({
    closing: () => {
      core.dispose()
      core = build()
    },
    opened: (open) => {
      core.dispose()
      core = build()
      deps.emit('workspaceChanged', open.appInfo)
    },
    viewed: (view) => {
      core.dispose()
      core = build()
      deps.emit('workspaceChanged', view.appInfo)
    },
  })
  const handlers = Object.fromEntries(
    commandNames.map((name) => [
      name,
      async (arg: unknown) => {
        // A command sent during a switch waits for it, then reaches the session open after it.
        if (name !== 'listSessions') await workspace.settled()
        return (core.handlers[name] as (arg: unknown) => Promise<unknown>)(arg)
      },
    ]),
  ) as Handlers
  return {
    handlers,
    current: () => core,
    dispose: () => {
      stop()
      core.dispose()
    },
  }
}
