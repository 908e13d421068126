/**
 * The Electron shell's entry: app lifecycle and wiring. Decisions live in pure modules beside it
 * (security-policy, launch-config, renderer-files, renderer-readiness, core/commands/allowed-paths); this file
 * only connects them to Electron, in the order Electron requires.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron'
import { AllowedPaths, confineToAllowed } from '../core/commands/allowed-paths'
import { createWorkspaceCore, type WorkspaceCore } from '../core/commands/workspace-core'
import { logRevealer, openAppLog } from './app-log'
import { externalOpener } from './open-external'
import { openAppProfiles } from './app-profiles'
import { TEMPLATES_FILE, TemplateStore } from '../core/templates/template-store'
import { registerPrivilegedSchemes, serveRenderer } from './app-protocol'
import { createPathPicker } from './dialogs'
import { createFileSaver } from './save-file'
import { startHostMode } from './host-mode'
import type { HostMode } from './host-mode'
import { createMainWindowIpc } from './ipc'
import { rendererLocation, userDataOverride } from './launch-config'
import { installSecurityGuards } from './security-guards'
import { WINDOW_TITLE } from './security-policy'
import { serveMediaFiles } from './media-file-protocol'
import { serveThumbnails } from './thumbnail-protocol'
import { createMainWindow } from './window'

/** How long quitting waits for the Sandbox servers to close before leaving anyway. */
const SHUTDOWN_TIMEOUT_MS = 5_000

const renderer = rendererLocation(process.env, app.isPackaged)
const userData = userDataOverride(process.env, app.isPackaged)
// Before the single-instance lock, which lives in the user-data folder.
if (userData) app.setPath('userData', userData)

// Before `ready`, as Electron requires: sandbox every renderer (#4), register app:// (#18).
app.enableSandbox()
registerPrivilegedSchemes()

if (app.requestSingleInstanceLock()) {
  run()
} else {
  // Another instance owns the session; it gets focused through 'second-instance'.
  app.quit()
}

function run(): void {
  let mainWindow: BrowserWindow | null = null
  let host: HostMode | null = null
  let core: WorkspaceCore | null = null
  let stopServing: (() => void) | null = null
  const allowed = new AllowedPaths()
  const log = openAppLog(app.getPath('userData'), { pid: process.pid })
  log.logger.info('app.start', {
    version: app.getVersion(),
    electron: process.versions.electron,
    platform: process.platform,
    packaged: app.isPackaged,
  })
  const ipc = createMainWindowIpc({ rendererOrigin: renderer.origin, mainWindow: () => mainWindow, allowed })

  const openWindow = (): void => {
    const window = createMainWindow(renderer, join(__dirname, '../preload/index.js'))
    ipc.watch(window)
    window.webContents.on('render-process-gone', (_event, details) => {
      log.logger.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode })
    })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    mainWindow = window
  }

  const start = async (): Promise<void> => {
    serveRenderer(join(__dirname, '../renderer'))
    installSecurityGuards(renderer)
    // Profiles first: the workspace reopens the most recent session with the profile it remembers.
    const profiles = await openAppProfiles(app.getPath('userData'), safeStorage, log.redactor)
    if (profiles instanceof Error) log.logger.error('profiles.unreadable', { error: profiles })
    const started = await startHostMode(app.getPath('userData'), app.getVersion(), profiles)
    host = started
    log.logger.info('host.started', { mode: started.appInfo.mode, profile: started.appInfo.profileName })
    serveThumbnails(started.thumbnailDir)
    started.workspace.listen({
      opened: (open) => log.logger.info('session.opened', { session: open.id, profile: open.profileName }),
    })
    // Every command goes to the session open now; opening another rebuilds the core over it.
    core = createWorkspaceCore(started.workspace, {
      pickPaths: createPathPicker(() => mainWindow, allowed),
      emit: ipc.emit,
      revealLogs: logRevealer(log, shell),
      openExternal: externalOpener(shell),
      saveFile: createFileSaver(
        () => mainWindow,
        () => app.getPath('documents'),
      ),
      profiles,
      templates: new TemplateStore(join(app.getPath('userData'), TEMPLATES_FILE)),
      onSecrets: (values) => log.redactor.addSecret(...values),
    })
    // Poster frames drawn by the window where ffmpeg is missing read the open session's video rows.
    const workspaceCore = core
    serveMediaFiles((rowId) => workspaceCore.current().session.getRow(rowId))
    // Scans only what the editor dropped (the preload reports real drops) or picked (dialogs.ts).
    stopServing = ipc.serve(confineToAllowed(core.handlers, allowed))
    openWindow()
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('activate', () => {
    // macOS: clicking the dock icon after the window was closed opens it again.
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  let closing = false
  app.on('will-quit', (event) => {
    // Hold the quit until the Sandbox servers are closed, then leave with app.exit (which does
    // not emit will-quit again).
    event.preventDefault()
    if (closing) return
    closing = true
    log.logger.info('app.quit')
    stopServing?.()
    core?.dispose()
    const closed = host ? host.close() : Promise.resolve()
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref())
    void Promise.race([closed, timeout])
      .catch((err: unknown) => console.error(`[app] closing the Sandbox failed: ${String(err)}`))
      .finally(() => {
        log.close()
        app.exit(0)
      })
  })

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err)
      console.error(`[app] could not start: ${message}`)
      log.logger.error('app.start-failed', { error: err })
      dialog.showErrorBox(WINDOW_TITLE, `The app could not start: ${message}`)
      app.exit(1)
    })
}
