/**
 * Which backend this run talks to, and the import session over it. Profiles (a real Livingdocs
 * + S3, secrets via safeStorage) are not chosen in the app yet; until then every run starts the
 * embedded Sandbox (DESIGN.md §9) and opens the session it left, so a restart loses nothing:
 * rows, edits, uploads at their next part and submissions looked up before anything is re-sent.
 */
import { join } from 'node:path'
import type { AppInfo } from '../contract'
import { openImportSession } from '../core/importer/import-session'
import type { ImportSession } from '../core/importer/import-session'
import { ThumbnailCache } from '../core/probe/thumbnails/thumbnail-cache'
import { resolveProfile } from '../core/profile/resolve-profile'
import { startSandbox } from '../core/sandbox/start-sandbox'
import { sandboxAppInfo } from './launch-config'

export interface HostMode {
  appInfo: AppInfo
  importer: ImportSession
  /** Where thumbnails are cached; the media-thumb: protocol serves this folder only. */
  thumbnailDir: string
  close(): Promise<void>
}

export function hostFolders(userDataDir: string): { sandbox: string; session: string; thumbnails: string } {
  return {
    sandbox: join(userDataDir, 'sandbox'),
    session: join(userDataDir, 'sessions', 'sandbox'),
    thumbnails: join(userDataDir, 'thumbnails'),
  }
}

export async function startHostMode(userDataDir: string, version: string): Promise<HostMode> {
  const folders = hostFolders(userDataDir)
  const sandbox = await startSandbox({ dataDir: folders.sandbox })
  let importer: ImportSession
  try {
    importer = await openImportSession({
      dir: folders.session,
      profile: resolveProfile(sandbox.profile, sandbox.env),
      thumbnails: new ThumbnailCache({ dir: folders.thumbnails }),
    })
  } catch (err) {
    await sandbox.close()
    throw err
  }
  return {
    appInfo: sandboxAppInfo(version, sandbox.livingdocsUrl),
    importer,
    thumbnailDir: folders.thumbnails,
    close: async () => {
      // The session first: it pauses uploads and saves, while the servers still answer.
      await importer.close().finally(() => sandbox.close())
    },
  }
}
