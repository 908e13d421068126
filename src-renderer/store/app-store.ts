/**
 * One zustand store made of small slices. Actions are plain setters fed by IPC listeners
 * (see connect.ts); components read it with narrow selectors so a patch to the rows does not
 * re-render the banner, and a progress tick does not re-render the grid.
 */
import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { AppInfo, ScanProgress, SessionPatch, SessionSnapshot } from '../../src-main/contract'
import { createGridSlice, type GridSlice } from './grid-slice'
import { deriveRowView, emptyFilter, emptyRowView, followPatch } from './row-view'
import type { FilterSpec, RowView, SortSpec, ViewSpec } from './row-view'
import { recordScan } from './scan-summary'
import { applyPatchWithChange, applySnapshot, emptyMirror } from './session-mirror'
import type { SessionMirror } from './session-mirror'

export interface SessionSlice {
  session: SessionMirror
  /** What the grid lists; worked out on sort, filter, snapshot and rows coming or going. */
  rowView: RowView
  showSkipped: boolean
  sort: SortSpec | null
  filter: FilterSpec
  receiveSnapshot(snapshot: SessionSnapshot): void
  receivePatch(patch: SessionPatch): void
  setShowSkipped(show: boolean): void
  setSort(sort: SortSpec | null): void
  setFilter(filter: Partial<FilterSpec>): void
  /** Sorts and filters the rows as they are now (edited rows stay put until then). */
  refreshView(): void
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

export type AppState = SessionSlice & ScanSlice & AppInfoSlice & NoticeSlice & GridSlice
type Slice<T> = StateCreator<AppState, [], [], T>

const specOf = (state: AppState, change: Partial<ViewSpec> = {}): ViewSpec => ({
  showSkipped: state.showSkipped,
  sort: state.sort,
  filter: state.filter,
  searchColumns: state.shownColumns,
  ...change,
})

const sessionSlice: Slice<SessionSlice> = (set) => {
  const rederive = (state: AppState, change: Partial<ViewSpec>) => {
    const spec = specOf(state, change)
    return { ...change, rowView: deriveRowView(state.session, spec) }
  }
  return {
    session: emptyMirror,
    rowView: emptyRowView,
    showSkipped: false,
    sort: null,
    filter: emptyFilter,
    receiveSnapshot: (snapshot) =>
      set((state) => {
        const session = applySnapshot(snapshot, state.session)
        return { session, rowView: deriveRowView(session, specOf(state)) }
      }),
    receivePatch: (patch) =>
      set((state) => {
        const { mirror, change } = applyPatchWithChange(state.session, patch)
        if (mirror === state.session) return {}
        return { session: mirror, rowView: followPatch(state.rowView, mirror, change, specOf(state)) }
      }),
    setShowSkipped: (showSkipped) => set((state) => rederive(state, { showSkipped })),
    setSort: (sort) => set((state) => rederive(state, { sort })),
    setFilter: (filter) => set((state) => rederive(state, { filter: { ...state.filter, ...filter } })),
    refreshView: () => set((state) => rederive(state, {})),
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
  ...createGridSlice(a[0], a[1]),
}))
