/**
 * Session folders of the app's workspace: their ids (folder names under `<userData>/sessions`),
 * their names, the list entry each becomes, and the refusal when another process has one open.
 * Pure (no I/O): the folder walk that finds the sessions and reads their summaries is
 * session/persistence/list-sessions.ts; what the workspace does to a folder it has not open
 * (delete, rename, checking the lock first) is session-folder-actions.ts.
 */
import { sessionName } from '../../../src-shared/session/session-name'
import { holderText } from '../session/lock/lock-holder'
import type { SessionSummary } from '../session/persistence/list-sessions'
import { MediaImportError } from './errors'
import type { WorkspaceSession } from './workspace-types'

/** A folder name we made or accept: no separators, no dot-only names, nothing a shell mangles. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export function isSessionId(id: string): boolean {
  return SESSION_ID_PATTERN.test(id) && !id.includes('..')
}

/** `2026-11-26T23-40-12-staging`: sorts by time, says which profile, and stays a safe folder name. */
export function newSessionId(profileName: string, now: Date, taken: ReadonlySet<string>): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-')
  const slug =
    profileName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'profile'
  const base = `${stamp}-${slug}`
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/** The longest name kept: a list line, not a paragraph. */
export const SESSION_NAME_MAX = 120

/** A name as typed, tidied: spaces collapsed, control characters out. Empty: back to the folders' name. */
export function cleanSessionName(name: string): string {
  return name
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export function toWorkspaceSession(
  summary: SessionSummary,
  currentId: string | undefined,
  now = new Date(),
): WorkspaceSession {
  const current = summary.name === currentId
  return {
    id: summary.name,
    name: sessionName(summary.title, summary.dropped, summary.createdAt, summary.name, now),
    named: !!summary.title,
    folders: summary.folders,
    ...(summary.profileName ? { profileName: summary.profileName } : {}),
    createdAt: summary.createdAt,
    updatedAtMs: summary.changedAtMs,
    rows: summary.rows,
    imported: summary.imported,
    open: summary.open,
    failed: summary.failed,
    unfinished: summary.unfinished,
    current,
    ...(summary.problem ? { problem: summary.problem } : {}),
    // The open session's lock is this window's own.
    ...(summary.openBy && !current ? { openElsewhere: holderText(summary.openBy, now) } : {}),
  }
}

/** Another process has the session: who, and the way out (wait, then try again). */
export function sessionLocked(id: string, holder: string, action: string): MediaImportError {
  return new MediaImportError(
    'session-locked',
    `Session "${id}" is open in another process (${holder}). Wait for it to finish, or close it there, then ${action} again.`,
  )
}
