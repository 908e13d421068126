/** How a session is named in the list and the reopen dialog. Pure. */
import type { WorkspaceSession } from '../../src-main/contract'

export function sessionWhen(session: Pick<WorkspaceSession, 'createdAt' | 'updatedAtMs'>): string {
  const started = session.createdAt ? new Date(session.createdAt) : undefined
  const changed = new Date(session.updatedAtMs)
  const fmt = (d: Date) => d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return started && !Number.isNaN(started.getTime())
    ? `started ${fmt(started)}, last change ${fmt(changed)}`
    : `last change ${fmt(changed)}`
}

export function sessionCounts(s: Pick<WorkspaceSession, 'rows' | 'imported' | 'open' | 'failed'>): string {
  const files = `${s.rows} file${s.rows === 1 ? '' : 's'}`
  const parts = [`${s.imported} imported`, `${s.open} not imported yet`]
  if (s.failed > 0) parts.push(`${s.failed} failed`)
  return `${files}: ${parts.join(', ')}`
}

/** "From shoot-07, shoot-08 and 3 more": where its files came from, in a line. */
export function sessionFolders(s: Pick<WorkspaceSession, 'folders'>, shown = 3): string {
  if (s.folders.length === 0) return 'No folders added yet'
  const named = s.folders.slice(0, shown)
  const rest = s.folders.length - named.length
  if (rest > 0) return `From ${named.join(', ')} and ${rest} more`
  const last = named.pop() as string
  return named.length > 0 ? `From ${named.join(', ')} and ${last}` : `From ${last}`
}

/**
 * Unfinished sessions other than the open one, newest first (the list's order); not those another
 * process has, and not those offered at an earlier start (`offered`): the prompt comes once per
 * session, and the Sessions panel lists them all.
 */
export function reopenCandidates(
  sessions: readonly WorkspaceSession[],
  offered: ReadonlySet<string> = new Set(),
): WorkspaceSession[] {
  return sessions.filter((s) => s.unfinished && !s.current && !s.problem && !s.openElsewhere && !offered.has(s.id))
}

/** Said under a session another process has open: who, and that it opens once that one ends. */
export function openElsewhereText(s: Pick<WorkspaceSession, 'openElsewhere'>): string | undefined {
  return s.openElsewhere
    ? `Open in another process (${s.openElsewhere}): wait for it to finish, then try again, or open it read-only to look at it.`
    : undefined
}
