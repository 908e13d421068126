/**
 * The handler table: one function per contract command, over the session. Main registers
 * exactly this table on IPC; the browser test bridge calls exactly this table too, so the
 * renderer is tested against the real core.
 */
import { droppedOf, sessionName } from '../../../src-shared/session/session-name'
import type { AppInfo } from '../../contract'
import { RowValidator } from '../editing/row-validator'
import { SessionEditor } from '../editing/session-editor'
import type { ProjectModel } from '../model/livingdocs'
import { Session } from '../session/session'
import type { ImportSession } from '../pipeline/import-session'
import type { Emit, Handlers } from './handler-types'
import { createDataHandlers, type SaveFile } from './data-handlers'
import { createEditHandlers } from './edit-handlers'
import { createFolderHandlers, type ListFolders } from './folder-handlers'
import { createImportHandlers } from './import-handlers'
import { createLocaleAssetHandlers } from './locale-asset-handlers'
import { localeAssetFields } from './locale-asset-history'
import { ScanRunner } from '../pipeline/scan-runner'
import { createPosterFrameHandlers } from './poster-frame-handlers'
import { createProfileHandlers, type ProfileDeps } from './profile-handlers'
import { createRowActionHandlers, type OpenExternal } from './row-action-handlers'
import { createUploadHandlers } from './upload-handlers'
import { createSupportHandlers, type RevealLogs } from './support-handlers'
import { createSnapshotPages } from './snapshot-pages'
import { createTemplateHandlers } from './template-handlers'
import { TemplateStore } from '../templates/template-store'
import type { Workspace } from './workspace'
import { createWorkspaceHandlers } from './session-list-handlers'

export type { Emit, Handlers }

/** What the host (Electron, the CLI, the test bridge) provides. */
export interface HostDeps extends ProfileDeps {
  appInfo: () => AppInfo
  /** The system file/folder picker; hosts without one answer an empty list. */
  pickPaths: (kind: 'folders' | 'files') => Promise<string[]>
  emit: Emit
  /** The browser's folder chooser (web/folder-listing.ts); absent: `listFolders` is refused (the app has a system picker). */
  listFolders?: ListFolders
  /** The project's model once known (columns, validation); absent: edits are not checked against it. */
  project?: () => ProjectModel | undefined
  /** The profile's `import.systemName`, for rows that set none. */
  defaultSystemName?: () => string | undefined
  /**
   * The import pipeline over a persisted session (core/pipeline/import-session.ts): its session,
   * project and prober are used, rows upload once probed, and submit works. Absent: scan and edit only.
   */
  importer?: ImportSession
  /** Opens the log folder in the system file manager (Electron's shell); absent: the command says so. */
  revealLogs?: RevealLogs
  /** A save dialog that writes the text (exports); absent: the window downloads it instead. */
  saveFile?: SaveFile
  /** Opens an http(s) URL in the system browser (Electron's shell); absent: openInEditor answers the URL. */
  openExternal?: OpenExternal
  /** The session list and switching (core/commands/workspace.ts); absent: one session, no list. */
  workspace?: Workspace
  /** Templates per profile, in the settings folder (core/templates); absent: kept in memory by this core (tests). */
  templates?: TemplateStore
}

export interface AppCore {
  handlers: Handlers
  session: Session
  dispose(): void
}

export function createAppCore(deps: HostDeps, session = deps.importer?.session ?? new Session()): AppCore {
  const { importer } = deps
  const unsubscribe = session.onPatch((patch) => deps.emit('sessionPatch', patch))
  const scans = new ScanRunner(session, (progress) => deps.emit('scanProgress', progress), importer?.scanOptions)
  const project = deps.project ?? (importer ? () => importer.project : () => undefined)
  const defaultSystemName = deps.defaultSystemName ?? (importer ? () => importer.systemName : undefined)
  const validator = new RowValidator(session, { project, ...(defaultSystemName ? { defaultSystemName } : {}) })
  const editor = new SessionEditor(session, project, importer ? localeAssetFields(importer) : undefined)
  const uploads = createUploadHandlers(importer, deps.emit)
  // The profile the pipeline was opened with names the editor URL, whatever the host's AppInfo says.
  const appInfo = (): AppInfo => {
    const info = deps.appInfo()
    return importer?.editorUrl && !info.editorUrl ? { ...info, editorUrl: importer.editorUrl } : info
  }

  const snapshotPages = createSnapshotPages(() => session.snapshot())

  const handlers: Handlers = {
    getAppInfo: async () => {
      const info = appInfo()
      const paths = session.snapshot().rows.map((row) => row.relativePath)
      const title = importer ? importer.title() : info.sessionName
      const name = sessionName(title, droppedOf(paths), info.sessionCreatedAt, info.sessionId)
      return name ? { ...info, sessionName: name } : info
    },
    getSnapshot: async (request) => snapshotPages(request),
    addPaths: async ({ paths }) => ({ scanId: scans.start(paths) }),
    pickPaths: async ({ kind }) => ({ paths: await deps.pickPaths(kind) }),
    ...createFolderHandlers(deps.listFolders),
    cancelScan: async ({ scanId }) => ({ cancelled: scans.cancel(scanId) }),
    clearRows: async () => ({ removed: session.clear() }),
    ...createEditHandlers(editor, project),
    ...createTemplateHandlers(deps.templates ?? new TemplateStore(), () => appInfo().profileName, editor),
    ...createDataHandlers(session, editor, project, deps.saveFile),
    ...createImportHandlers(importer),
    ...createLocaleAssetHandlers(importer, deps.pickPaths, editor),
    ...createSupportHandlers(deps.revealLogs),
    ...createProfileHandlers(deps),
    ...createRowActionHandlers({
      session,
      editor,
      project,
      mediaTypeDefaults: importer?.scanOptions.mediaTypeDefaults,
      appInfo,
      openExternal: deps.openExternal,
    }),
    ...createPosterFrameHandlers(session, importer?.scanOptions.thumbnails),
    ...createWorkspaceHandlers(deps.workspace),
    ...uploads.handlers,
  }

  return {
    handlers,
    session,
    dispose: () => {
      scans.cancelAll()
      validator.dispose()
      uploads.dispose()
      unsubscribe()
    },
  }
}
