/**
 * One zustand store made of small slices. Actions are plain setters fed by IPC listeners
 * (see connect.ts); components read it with narrow selectors so a patch to the rows does not
 * re-render the banner, and a progress tick does not re-render the grid.
 */
import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { AppInfo, CellValue, ScanProgress, SessionPatch, SessionSnapshot } from '../../src-main/contract'
import { createGridSlice, noHistory, type GridSlice } from './grid-slice'
import { addPending, answerPending, noPendingEdits, patchPending } from './pending-edits'
import type { CellAnswer, PendingEdits } from './pending-edits'
import { deriveRowView, emptyFilter, emptyRowView, followPatch } from './row-view'
import type { FilterSpec, RowView, SortSpec, ViewSpec } from './row-view'
import { recordScan } from './scan-summary'
import { applyPatch, applyPatchWithChange, applySnapshot, emptyMirror } from './session-mirror'
import type { SessionMirror } from './session-mirror'

export interface SessionSlice {
  session: SessionMirror
  /** What the grid lists; worked out on sort, filter, snapshot and rows coming or going. */
  rowView: RowView
  showSkipped: boolean
  sort: SortSpec | null
  filter: FilterSpec
  /** A new list of rows; `since`: patches newer than it, applied over it in order (snapshot-loader.ts). */
  receiveSnapshot(snapshot: SessionSnapshot, since?: readonly SessionPatch[]): void
  receivePatch(patch: SessionPatch): void
  /** Values typed but not yet confirmed by main (pending-edits.ts). */
  pending: PendingEdits
  /** Shows a typed value at once; returns the ticket its answer is matched with. */
  showPending(rowId: string, field: string, value: CellValue): number
  /** Main's answer (undefined: the command failed) for cells sent with these tickets. */
  settlePending(sent: ReadonlyArray<{ rowId: string; field: string; seq: number }>, answer?: CellAnswer): void
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

/**
 * Counts, the scan banner, filters, selection and open panels belong to the session open now:
 * `sessionOpened` is the one place they go back to their start, when main says another session
 * opened (session-reset.ts), so nothing of the previous session shows over the next one.
 */
export interface SessionResetSlice {
  /** Goes up at every session opened; components with their own state (a submit report) key on it. */
  sessionEpoch: number
  sessionOpened(info: AppInfo): void
}

export type AppState = SessionSlice & ScanSlice & AppInfoSlice & NoticeSlice & GridSlice & SessionResetSlice
type Slice<T> = StateCreator<AppState, [], [], T>

const specOf = (state: AppState, change: Partial<ViewSpec> = {}): ViewSpec => ({
  showSkipped: state.showSkipped,
  sort: state.sort,
  filter: state.filter,
  searchColumns: state.shownColumns,
  ...change,
})

let nextPendingSeq = 1

const sessionSlice: Slice<SessionSlice> = (set, get) => {
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
    receiveSnapshot: (snapshot, since = []) =>
      set((state) => {
        const session = since.reduce(applyPatch, applySnapshot(snapshot, state.session))
        return { session, rowView: deriveRowView(session, specOf(state)) }
      }),
    receivePatch: (patch) =>
      set((state) => {
        const { mirror, change } = applyPatchWithChange(state.session, patch)
        if (mirror === state.session) return {}
        return {
          session: mirror,
          rowView: followPatch(state.rowView, mirror, change, specOf(state)),
          pending: patchPending(state.pending, patch.upsert, patch.remove),
        }
      }),
    pending: noPendingEdits,
    showPending: (rowId, field, value) => {
      const seq = nextPendingSeq++
      const base = get().session.byId.get(rowId)
      set((state) => ({ pending: addPending(state.pending, rowId, field, value, seq, base) }))
      return seq
    },
    settlePending: (sent, answer) =>
      set((state) => ({
        pending: answerPending(state.pending, sent, answer, (id) => state.session.byId.get(id)),
      })),
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

const sessionResetSlice: Slice<SessionResetSlice> = (set) => ({
  sessionEpoch: 0,
  sessionOpened: (appInfo) =>
    set((state) => ({
      appInfo,
      sessionEpoch: state.sessionEpoch + 1,
      session: emptyMirror,
      rowView: emptyRowView,
      showSkipped: false,
      sort: null,
      filter: emptyFilter,
      pending: noPendingEdits,
      scans: [],
      active: null,
      rangeAnchor: null,
      editing: null,
      selected: new Set<string>(),
      selectionAnchor: null,
      history: noHistory,
      panel: null,
    })),
})

export const useAppStore = create<AppState>()((...a) => ({
  ...sessionSlice(...a),
  ...scanSlice(...a),
  ...appInfoSlice(...a),
  ...noticeSlice(...a),
  ...createGridSlice(a[0], a[1]),
  ...sessionResetSlice(...a),
}))
