/**
 * Opens everything an import needs over one session folder, for the app and the CLI alike: the
 * Livingdocs client and the project's model, the persisted session, the storage engine with its
 * journal in the same folder, and the pipeline that joins them. Rows of a reopened session
 * continue: uploads at their next part, interrupted submits after a lookup.
 */
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ScanRunnerOptions } from './scan-runner'
import { LivingdocsClient, type LivingdocsClientOptions } from '../livingdocs/client'
import type { ProjectModel } from '../model/livingdocs'
import { Prober } from '../probe/prober'
import type { ThumbnailCache } from '../probe/thumbnails/thumbnail-cache'
import type { ResolvedProfile } from '../profile/resolve-profile'
import type { SessionMeta } from '../session/persistence/journal-records'
import { acquireSessionLock } from '../session/lock/session-lock'
import { openSessionFolder, type OpenedSession } from '../session/persistence/open-session'
import { sessionFiles } from '../session/persistence/session-files'
import type { Session } from '../session/session'
import { FileUploadStateStore } from '../storage/file-upload-state-store'
import type { StorageConfig } from '../storage/types'
import { UploadEngine, type UploadEngineOptions } from '../storage/upload-engine'
import { ImportPipeline, type PipelineOptions } from './import-pipeline'
import { probeLeftovers } from './probe-leftovers'
import { livingdocsOptionsOf, storageConfigOf } from '../importer/profile-connections'
import { readSessionsIndex } from '../importer/sessions-index/read-sessions-index'

export interface OpenImportSessionOptions {
  dir: string
  profile: ResolvedProfile
  /** The folder must already hold a session. */
  mustExist?: boolean
  /** The profile was renamed from this name: a session that remembers the old name takes the new one. */
  renamedFrom?: string
  /** Uploads wait for `engine.resume()` (the CLI checks its metadata file first). */
  holdUploads?: boolean
  /** Paths the session starts with (kept in its meta; a continued session adds to them). */
  roots?: readonly string[]
  prober?: Prober
  thumbnails?: ThumbnailCache
  /**
   * Folders whose sessions (of the same profile) are asked "imported this content already?";
   * default: the folder that holds this session (the app's and the CLI's sessions folder).
   */
  otherSessions?: readonly string[]
  /** Who opens it, named to another process that finds the session taken ("media-import import"). */
  lockedBy?: string
  flushMs?: number
  signal?: AbortSignal
  // Overrides for tests (fault proxy, short retries).
  storage?: Partial<StorageConfig>
  engine?: Omit<UploadEngineOptions, 'store'>
  livingdocs?: Partial<LivingdocsClientOptions>
  submit?: PipelineOptions['submit']
}

export interface ImportSession {
  dir: string
  session: Session
  pipeline: ImportPipeline
  engine: UploadEngine
  /** The Livingdocs client, for what is not an import (corrections of imported rows, core/updater). */
  client: LivingdocsClient
  project: ProjectModel
  /** The profile's `import.systemName`, for rows that set none. */
  systemName: string
  /** The profile's Livingdocs editor URL template (`{mediaId}`), when it has one. */
  editorUrl?: string
  prober: Prober
  meta: SessionMeta
  /** The folder held a session before. */
  existed: boolean
  recovered: OpenedSession['recovered']
  /** Why rows of an interrupted run could not be looked up at open (they are not sent until they are). */
  reconcileError?: string
  /** Rows an earlier process found but never probed, being probed now; resolves with their count. */
  leftovers: Promise<number>
  /** For the scan runner: the project for prefill, the shared prober, and files the session already has. */
  scanOptions: ScanRunnerOptions
  /** Journals the editor's name for the session (meta); empty: named after its folders again. */
  setName(name: string): void
  /** The editor's name for the session as journaled now (undefined: named after what was dropped). */
  title(): string | undefined
  /** Pauses uploads (their progress is journaled), saves the session and closes its files. */
  close(): Promise<void>
}

/** The meta with the editor's name for the session, or without one (named after its folders). */
export function withName(meta: SessionMeta, name: string): SessionMeta {
  const { name: _old, ...rest } = meta
  return name ? { ...rest, name } : rest
}

/** The folder belongs to another profile: its rows were imported elsewhere, or will be. */
export class SessionProfileMismatch extends Error {
  constructor(dir: string, expected: string, given: string) {
    super(
      `The session in ${dir} was started with profile "${expected}", not "${given}": use that profile, or a new session folder.`,
    )
    this.name = 'SessionProfileMismatch'
  }
}

/**
 * The paths the session has rows for, kept current as rows are added and removed: a folder
 * dropped again in the same session adds nothing ("12 files already in this import").
 */
function livePaths(session: Session): { has(path: string): boolean } {
  const pathOf = new Map<string, string>()
  const rowsAt = new Map<string, number>()
  const add = (row: { rowId: string; path: string }): void => {
    if (pathOf.get(row.rowId) === row.path) return
    pathOf.set(row.rowId, row.path)
    rowsAt.set(row.path, (rowsAt.get(row.path) ?? 0) + 1)
  }
  session.snapshot().rows.forEach(add)
  session.onRows((rows) => rows.forEach(add))
  session.onPatch((patch) => {
    for (const rowId of patch.remove) {
      const path = pathOf.get(rowId)
      if (path === undefined || session.getRow(rowId)) continue
      pathOf.delete(rowId)
      const left = (rowsAt.get(path) ?? 1) - 1
      if (left > 0) rowsAt.set(path, left)
      else rowsAt.delete(path)
    }
  })
  return { has: (path) => rowsAt.has(path) }
}

export async function openImportSession(options: OpenImportSessionOptions): Promise<ImportSession> {
  const { profile, dir } = options
  const client = new LivingdocsClient(livingdocsOptionsOf(profile, options.livingdocs))
  // First: a wrong token or URL fails here, before a session folder is touched.
  const project = await client.getProjectModel(options.signal)
  const profileMeta = { name: profile.name, livingdocsUrl: profile.livingdocs.url }
  const roots = [...(options.roots ?? [])]
  // One owner per session (session-lock.ts): taken before anything is read, held until close.
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const lock = await acquireSessionLock(dir, options.lockedBy ? { by: options.lockedBy } : {})
  let opened: OpenedSession
  try {
    opened = await openSessionFolder(dir, {
      meta: { profile: profileMeta, roots },
      ...(options.mustExist ? { mustExist: true } : {}),
      ...(options.flushMs ? { flushMs: options.flushMs } : {}),
    })
  } catch (err) {
    await lock.release()
    throw err
  }
  const { session, store } = opened
  const known = store.meta.profile
  if (opened.existed && known && known.name !== profile.name && known.name !== options.renamedFrom) {
    await opened.close()
    await lock.release()
    throw new SessionProfileMismatch(dir, known.name, profile.name)
  }
  const mergedRoots = [...new Set([...(store.meta.roots ?? []), ...roots])]
  // The Sandbox gets new ports every start: keep the URL current, the name decides.
  if (opened.existed) store.setMeta({ ...store.meta, profile: profileMeta, roots: mergedRoots })

  const uploads = await FileUploadStateStore.open(sessionFiles(dir).uploads).catch(async (err: unknown) => {
    await opened.close()
    await lock.release()
    throw err
  })
  const engine = new UploadEngine(storageConfigOf(profile, options.storage), { ...options.engine, store: uploads })
  if (options.holdUploads) engine.pause()
  const prober = options.prober ?? new Prober()
  // Read while the first files are probed; the lookup before uploads waits for it.
  const sessionsIndex = readSessionsIndex(options.otherSessions ?? [dirname(dir)], {
    profileName: profile.name,
    exclude: dir,
  })
  const pipeline = new ImportPipeline({
    session,
    project,
    api: client,
    engine,
    defaultSystemName: profile.import.systemName,
    sessionsIndex,
    ...(profile.import.batchSize ? { batchSize: profile.import.batchSize } : {}),
    ...(profile.import.batchBytes ? { batchBytes: profile.import.batchBytes } : {}),
    ...(options.submit ? { submit: options.submit } : {}),
  })
  pipeline.start()

  let reconcileError: string | undefined
  try {
    await pipeline.reconcile(options.signal)
  } catch (err) {
    reconcileError = err instanceof Error ? err.message : String(err)
  }

  const knownPaths = livePaths(session)
  const leftovers = probeLeftovers(session, prober, { project })
  let closing: Promise<void> | undefined
  return {
    dir,
    session,
    pipeline,
    engine,
    client,
    project,
    systemName: profile.import.systemName,
    ...(profile.livingdocs.editorUrl ? { editorUrl: profile.livingdocs.editorUrl } : {}),
    prober,
    meta: store.meta,
    existed: opened.existed,
    recovered: opened.recovered,
    ...(reconcileError ? { reconcileError } : {}),
    leftovers,
    scanOptions: {
      prober,
      project: () => project,
      ...(options.thumbnails ? { thumbnails: options.thumbnails } : {}),
      isKnownPath: (path) => knownPaths.has(path),
    },
    setName: (name) => store.setMeta(withName(store.meta, name)),
    title: () => store.meta.name,
    close: () =>
      (closing ??= (async () => {
        await leftovers
        // Uploads stop first: their last progress still lands in the session being saved.
        await engine.close()
        pipeline.stop()
        await opened.close()
        await uploads.close()
        if (!options.prober) await prober.close()
        await lock.release()
      })()),
  }
}
