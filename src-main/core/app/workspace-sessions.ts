/**
 * Session folders of the app's workspace: their ids (folder names under `<userData>/sessions`),
 * and the list entry each becomes. Pure (no I/O): the folder walk that finds the sessions and
 * reads their summaries is session/persistence/list-sessions.ts.
 */
import type { SessionSummary } from '../session/persistence/list-sessions'
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

export function toWorkspaceSession(summary: SessionSummary, currentId: string | undefined): WorkspaceSession {
  return {
    id: summary.name,
    ...(summary.profileName ? { profileName: summary.profileName } : {}),
    createdAt: summary.createdAt,
    updatedAtMs: summary.changedAtMs,
    rows: summary.rows,
    imported: summary.imported,
    open: summary.open,
    failed: summary.failed,
    unfinished: summary.unfinished,
    current: summary.name === currentId,
    ...(summary.problem ? { problem: summary.problem } : {}),
  }
}
