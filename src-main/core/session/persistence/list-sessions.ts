/**
 * The session list (ARCHITECTURE.md, "Sessions and persistence"): every session folder under one parent, newest first, with what
 * is left to do in each, so the app can offer to reopen unfinished sessions on start and the CLI
 * can list them. Read-only: a session that a running import owns is read, never opened.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { droppedOf, NOTHING_DROPPED, type Dropped } from '../../../../src-shared/session/session-name'
import type { LockHolder } from '../lock/lock-holder'
import { sessionLockHolder } from '../lock/session-lock'
import type { ReplayState } from './journal-records'
import { replayJournal } from './open-session'
import { isFailed, isSettled } from './row-progress'
import { readSnapshot, sessionFiles, SNAPSHOT_FILE } from './session-files'

export interface SessionSummary {
  dir: string
  /** The folder's name (the CLI names them by start time). */
  name: string
  createdAt: string
  profileName?: string
  roots: string[]
  /** The name the editor gave it (meta), if any. */
  title?: string
  /** The dropped folders (and files) its rows came from, in the order they came. */
  folders: string[]
  /** What was dropped first, and how many folders and files: the session's name (src-shared/session/session-name.ts). */
  dropped: Dropped
  rows: number
  imported: number
  /** Rows that still need something: not imported, not skipped, not empty (row-progress.ts). */
  open: number
  /** Rows whose last attempt failed (upload, validation, conflict, unreadable), empty files not. */
  failed: number
  /** Last write to the session, ms since the epoch. */
  changedAtMs: number
  unfinished: boolean
  /** Set when the session cannot be read; the other counts are then 0. */
  problem?: string
  /** The process that has the session open now (this one included), from its lock file. */
  openBy?: LockHolder
}

export async function summariseSession(dir: string, name: string): Promise<SessionSummary> {
  const files = sessionFiles(dir)
  const times = await Promise.all(
    [files.snapshot, files.journal].map((f) =>
      stat(f).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  )
  const openBy = await sessionLockHolder(dir)
  const base = {
    dir,
    name,
    createdAt: '',
    roots: [],
    folders: [],
    dropped: NOTHING_DROPPED,
    rows: 0,
    imported: 0,
    open: 0,
    failed: 0,
    unfinished: false,
    ...(openBy ? { openBy } : {}),
  }
  try {
    const snapshot = await readSnapshot(dir)
    const state: ReplayState = {
      rows: new Map(snapshot?.rows.map((row) => [row.rowId, row])),
      meta: snapshot?.meta ?? { createdAt: '' },
    }
    const journal = await readFile(files.journal, 'utf8').catch(() => '')
    replayJournal(state, journal, snapshot?.seq ?? 0)
    const rows = [...state.rows.values()]
    const open = rows.filter((row) => !isSettled(row)).length
    return {
      ...base,
      createdAt: state.meta.createdAt,
      ...(state.meta.profile ? { profileName: state.meta.profile.name } : {}),
      roots: state.meta.roots ?? [],
      ...(state.meta.name ? { title: state.meta.name } : {}),
      folders: droppedFolders(rows),
      dropped: droppedOf(rows.map((row) => row.relativePath)),
      rows: rows.length,
      imported: rows.filter((row) => row.status === 'imported').length,
      open,
      failed: rows.filter(isFailed).length,
      changedAtMs: Math.max(...times),
      unfinished: open > 0,
    }
  } catch (err) {
    return { ...base, changedAtMs: Math.max(...times), problem: err instanceof Error ? err.message : String(err) }
  }
}

/** The first part of each row's relative path: the folder (or file) the editor dropped. */
export function droppedFolders(rows: Iterable<{ relativePath: string }>): string[] {
  const seen = new Set<string>()
  for (const row of rows) seen.add(row.relativePath.split('/')[0] ?? row.relativePath)
  seen.delete('')
  return [...seen]
}

/** Sessions under `parent` (folders holding a snapshot), most recently changed first. */
export async function listSessions(parent: string): Promise<SessionSummary[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => [])
  const summaries: SessionSummary[] = []
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const dir = join(parent, entry.name)
    const hasSnapshot = await stat(join(dir, SNAPSHOT_FILE)).then(
      () => true,
      () => false,
    )
    if (hasSnapshot) summaries.push(await summariseSession(dir, entry.name))
  }
  return summaries.sort((a, b) => b.changedAtMs - a.changedAtMs)
}
