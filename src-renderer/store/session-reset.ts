/**
 * The one reset point for a session switch or restart (main's `workspaceChanged`): the grid's
 * store, the counts and the Sessions panel go back to their start before the new session's
 * snapshot arrives, so nothing of the previous session (its counts, scan banner, filter,
 * selection, open panels) shows over the next one. Events and answers travel in order on one
 * channel, so everything after this is the new session's.
 */
import type { AppInfo } from '../../src-main/contract'
import { useAppStore } from './app-store'
import { useWorkspaceStore } from './workspace-store'

export function sessionOpened(info: AppInfo, summary: { reset(): void }): void {
  useAppStore.getState().sessionOpened(info)
  summary.reset()
  useWorkspaceStore.getState().setSessionsOpen(false)
}
