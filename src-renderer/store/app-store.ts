/**
 * One zustand store made of small slices. Actions are plain setters fed by IPC listeners
 * (see connect.ts); components read it with narrow selectors so a patch to the rows does not
 * re-render the banner, and a progress tick does not re-render the grid.
 */
import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { AppInfo, ScanProgress, SessionPatch, SessionSnapshot } from '../../src-main/contract'
import { recordScan } from './scan-summary'
import { applyPatch, applySnapshot, emptyMirror } from './session-mirror'
import type { SessionMirror } from './session-mirror'

export interface SessionSlice {
  session: SessionMirror
  receiveSnapshot(snapshot: SessionSnapshot): void
  receivePatch(patch: SessionPatch): void
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

const sessionSlice: Slice<SessionSlice> = (set) => ({
  session: emptyMirror,
  receiveSnapshot: (snapshot) => set({ session: applySnapshot(snapshot) }),
  receivePatch: (patch) => set((state) => ({ session: applyPatch(state.session, patch) })),
})

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
