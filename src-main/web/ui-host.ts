/**
 * The core behind `media-import ui`, as the app builds it. Without a profile: the app's own
 * workspace (electron/host-mode.ts, which imports no electron) on the embedded Sandbox, with its
 * session list. With `--profile FILE` (secrets from the environment variables it names, as the
 * CLI's import): one session over that profile, `--session DIR` continuing an earlier one.
 * The browser has no system picker, so folders are chosen with the server-side chooser.
 */
import { basename, join } from 'node:path'
import type { AppInfo } from '../contract'
import { MediaImportError } from '../core/commands/errors'
import { createAppCore, type Emit, type Handlers, type HostDeps } from '../core/commands/handlers'
import { createWorkspaceCore } from '../core/commands/workspace-core'
import { openImportSession } from '../core/pipeline/import-session'
import type { RowLookup } from '../core/probe/thumbnails/media-file'
import { ThumbnailCache } from '../core/probe/thumbnails/thumbnail-cache'
import type { ResolvedProfile } from '../core/profile/resolve-profile'
import { TEMPLATES_FILE, TemplateStore } from '../core/templates/template-store'
import { hostFolders, startHostMode } from '../electron/host-mode'
import { isSafeExternalUrl } from '../electron/security-policy'
import { listFolders } from './folder-listing'
import { openBrowser } from './open-browser'

export interface UiHost {
  handlers: Handlers
  appInfo: AppInfo
  thumbnailDir: string
  /** A row of the open session by id: which video file /media-file/<rowId> may serve (media-file.ts). */
  getRow: RowLookup
  /** Disposes the core, then saves and closes the session (uploads paused) and the Sandbox. */
  close(): Promise<void>
}

/** The renderer opens its own chooser (FolderChooser) when the picker answers this code. */
export const NO_SYSTEM_PICKER = 'no-system-picker'

async function noSystemPicker(kind: 'folders' | 'files'): Promise<string[]> {
  throw new MediaImportError(
    NO_SYSTEM_PICKER,
    kind === 'folders'
      ? 'The browser has no system folder picker: choose the folder in the list instead.'
      : 'Choosing a single file is not possible in the browser version: use the desktop app, or `media-import import --metadata` with an asset.<locale> column.',
  )
}

/** "Open in Livingdocs": the default browser of this computer, which is where the page runs (loopback only). */
async function openExternal(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) throw new Error('only http(s) addresses are opened')
  if (!(await openBrowser(url))) throw new Error('no browser could be started here')
}

/** Templates are kept in the data folder (`templates.json`), as the app keeps them in its user data. */
function browserDeps(
  emit: Emit,
  dataDir: string,
): Pick<HostDeps, 'pickPaths' | 'emit' | 'listFolders' | 'openExternal' | 'templates'> {
  const templates = new TemplateStore(join(dataDir, TEMPLATES_FILE))
  return { pickPaths: noSystemPicker, emit, listFolders: (path) => listFolders(path), openExternal, templates }
}

/** No profile: the Sandbox workspace under `dataDir` (sandbox/, sessions/, thumbnails/), as the app has under its user data. */
export async function startSandboxUiHost(dataDir: string, version: string, emit: Emit): Promise<UiHost> {
  const host = await startHostMode(dataDir, version)
  const core = createWorkspaceCore(host.workspace, browserDeps(emit, dataDir))
  return {
    handlers: core.handlers,
    appInfo: host.appInfo,
    thumbnailDir: host.thumbnailDir,
    getRow: (rowId) => core.current().session.getRow(rowId),
    close: async () => {
      core.dispose()
      await host.close()
    },
  }
}

/** One session over a profile file; the session folder is created or continued. */
export async function startProfileUiHost(options: {
  profile: ResolvedProfile
  sessionDir: string
  dataDir: string
  version: string
  emit: Emit
}): Promise<UiHost> {
  const { profile, sessionDir } = options
  const thumbnailDir = hostFolders(options.dataDir).thumbnails
  const importer = await openImportSession({
    dir: sessionDir,
    profile,
    thumbnails: new ThumbnailCache({ dir: thumbnailDir }),
  })
  const appInfo: AppInfo = {
    version: options.version,
    mode: 'profile',
    profileName: profile.name,
    livingdocsUrl: profile.livingdocs.url,
    ...(importer.editorUrl ? { editorUrl: importer.editorUrl } : {}),
    sessionId: basename(sessionDir),
    sessionCreatedAt: importer.meta.createdAt,
  }
  const core = createAppCore({ ...browserDeps(options.emit, options.dataDir), importer, appInfo: () => appInfo })
  return {
    handlers: core.handlers,
    appInfo,
    thumbnailDir,
    getRow: (rowId) => core.session.getRow(rowId),
    close: async () => {
      core.dispose()
      await importer.close()
    },
  }
}
