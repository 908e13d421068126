/**
 * One zustand store made of small slices. Actions are plain setters fed by IPC listeners
 * (see connect.ts); components read it with narrow selectors so a patch to the rows does not
 * re-render the banner, and a progress tick does not re-render the grid.
 */
import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { AppInfo, ScanProgress, SessionPatch, SessionSnapshot } from '../../src-main/contract'
import { deriveRowView, emptyRowView } from './row-view'
import type { RowView } from './row-view'
import { recordScan } from './scan-summary'
import { applyPatch, applySnapshot, emptyMirror } from './session-mirror'
import type { SessionMirror } from './session-mirror'

export interface SessionSlice {
  session: SessionMirror
  /** What the grid lists; derived here once per change, not per component. */
  rowView: RowView
  showSkipped: boolean
  receiveSnapshot(snapshot: SessionSnapshot): void
  receivePatch(patch: SessionPatch): void
  setShowSkipped(show: boolean): void
}

export interface ScanSlice {
  scans: ScanProgress[]
  receiveScanProgress(progress: ScanProgress): void
}

export interface AppInfoSlice {
  appInfo: AppInfo | null
  receiveAppInfo(info: AppInfo): void
}

/** A problem the editor must see: what failed and what to do about it. */
export interface Notice {
  id: number
  code: string
  message: string
}

export interface NoticeSlice {
  notices: Notice[]
  reportError(code: string, message: string): void
  dismissNotice(id: number): void
}

export type AppState = SessionSlice & ScanSlice & AppInfoSlice & NoticeSlice
type Slice<T> = StateCreator<AppState, [], [], T>

const sessionSlice: Slice<SessionSlice> = (set) => {
  const withView = (state: AppState, session: SessionMirror, showSkipped = state.showSkipped) => ({
    session,
    showSkipped,
    rowView: deriveRowView(session, showSkipped, state.rowView),
  })
  return {
    session: emptyMirror,
    rowView: emptyRowView,
    showSkipped: false,
    receiveSnapshot: (snapshot) => set((state) => withView(state, applySnapshot(snapshot))),
    receivePatch: (patch) => set((state) => withView(state, applyPatch(state.session, patch))),
    setShowSkipped: (show) => set((state) => withView(state, state.session, show)),
  }
}

const scanSlice: Slice<ScanSlice> = (set) => ({
  scans: [],
  receiveScanProgress: (progress) => set((state) => ({ scans: recordScan(state.scans, progress) })),
})

const appInfoSlice: Slice<AppInfoSlice> = (set) => ({
  appInfo: null,
  receiveAppInfo: (appInfo) => set({ appInfo }),
})

let nextNoticeId = 1
const MAX_NOTICES = 5

const noticeSlice: Slice<NoticeSlice> = (set) => ({
  notices: [],
  reportError: (code, message) =>
    set((state) => ({ notices: [...state.notices, { id: nextNoticeId++, code, message }].slice(-MAX_NOTICES) })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
})

export const useAppStore = create<AppState>()((...a) => ({
  ...sessionSlice(...a),
  ...scanSlice(...a),
  ...appInfoSlice(...a),
  ...noticeSlice(...a),
}))
