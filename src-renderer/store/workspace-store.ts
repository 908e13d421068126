/**
 * The window's view of the workspace: the sessions on this computer, the saved profiles, whether
 * the Sessions panel is open, and whether the editor already answered the "reopen?" question.
 * Its own small zustand store, so session-list refreshes never touch the grid's store.
 */
import { create } from 'zustand'
import type { ProfileSummary, WorkspaceSession } from '../../src-main/contract'
import { api } from '../api'
import { reopenCandidates } from '../panels/session-text'
import { useAppStore } from './app-store'
import { refreshAppInfo } from './app-info'
import { loadOffered, rememberOffered } from './reopen-memory'

export interface WorkspaceState {
  sessions: WorkspaceSession[] | null
  profiles: ProfileSummary[] | null
  /** Why the last profile list could not be loaded. */
  error: string
  /** Why the last session list could not be loaded. */
  sessionsError: string
  sessionsOpen: boolean
  /** What the reopen dialog offers: worked out once, from the list at start, leaving out sessions offered at an earlier start; [] once answered. */
  reopenOffer: WorkspaceSession[] | null
  /** A switch is under way (buttons wait). */
  busy: boolean
  loadSessions(): Promise<void>
  loadProfiles(): Promise<void>
  setSessionsOpen(open: boolean): void
  /** Loads the list once at start and keeps its unfinished sessions as the offer. */
  offerReopen(): Promise<void>
  answerReopen(): void
  /** Opens a session or starts a new one; problems go to the notices. */
  switchTo(target: { id: string; readOnly?: boolean } | { profileName: string }): Promise<boolean>
  deleteSession(id: string): Promise<void>
  /** Names a session (empty: after its folders again); problems go to the notices. */
  renameSession(id: string, name: string): Promise<boolean>
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
const report = (err: unknown) => {
  const code = (err as { code?: unknown }).code
  useAppStore.getState().reportError(typeof code === 'string' ? code : 'workspace', message(err))
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  sessions: null,
  profiles: null,
  error: '',
  sessionsError: '',
  sessionsOpen: false,
  reopenOffer: null,
  busy: false,
  loadSessions: async () => {
    try {
      set({ sessions: (await api.listSessions()).sessions, sessionsError: '' })
    } catch (err) {
      set({ sessionsError: message(err) })
    }
  },
  loadProfiles: async () => {
    try {
      set({ profiles: (await api.listProfiles()).profiles, error: '' })
    } catch (err) {
      set({ error: message(err) })
    }
  },
  setSessionsOpen: (sessionsOpen) => {
    set({ sessionsOpen })
    if (sessionsOpen) void Promise.all([get().loadSessions(), get().loadProfiles()])
  },
  offerReopen: async () => {
    if (get().reopenOffer !== null) return
    await get().loadSessions()
    // Only at start: sessions left unfinished by a later switch are in the Sessions panel, not a dialog.
    if (get().reopenOffer !== null) return
    const sessions = get().sessions
    // No list (it could not be read): nothing offered, and nothing remembered is let go.
    if (!sessions) return set({ reopenOffer: [] })
    const offer = reopenCandidates(sessions, loadOffered())
    rememberOffered(
      offer.map((s) => s.id),
      sessions.map((s) => s.id),
    )
    set({ reopenOffer: offer })
  },
  answerReopen: () => set({ reopenOffer: [] }),
  switchTo: async (target) => {
    set({ busy: true })
    try {
      // The window reloads itself on the workspaceChanged event main sends after the switch.
      if ('id' in target) await api.openSession(target)
      else await api.newSession(target)
      return true
    } catch (err) {
      report(err)
      return false
    } finally {
      set({ busy: false })
      await get().loadSessions()
    }
  },
  renameSession: async (id, name) => {
    try {
      await api.renameSession({ id, name })
      // The open session's name is in the banner.
      if (id === useAppStore.getState().appInfo?.sessionId) refreshAppInfo(api)
      return true
    } catch (err) {
      report(err)
      return false
    } finally {
      await get().loadSessions()
    }
  },
  deleteSession: async (id) => {
    try {
      await api.deleteSession({ id })
    } catch (err) {
      report(err)
    }
    await get().loadSessions()
  },
}))
