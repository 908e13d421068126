/**
 * Wires main's events into the store once, at start, outside React: listeners are attached
 * before the first snapshot is requested so nothing sent in between is lost. Events and command
 * answers travel in order on one channel, so a snapshot that arrives after a patch is newer.
 * It runs before React is loaded (main.tsx): the first commands are answered while the app's
 * components load, and `loaded` says when their answers are in the store, so the first render
 * (mount.tsx) draws the rows, columns and layout at once instead of an empty window first.
 */
import type { Api } from '../api'
import { createPosterMaker } from '../thumbnails/poster-maker'
import { reportFailure } from './report-failure'
import { useAppStore } from './app-store'
import { refreshAppInfo } from './app-info'
import { createSummaryFeed, useRowSummary } from './row-summary'
import { sessionOpened } from './session-reset'
import { createSnapshotLoader } from './snapshot-loader'
import { firstScreen } from '../first-screen'
import { nextPaint } from '../next-paint'

export interface ConnectedStore {
  /** Settles once the first load's answers (app info, project, undo state, first rows) are in the store, or failed. */
  loaded: Promise<void>
  stop(): void
}

export function connectStore(api: Api): ConnectedStore {
  const store = useAppStore.getState()
  let unsubscribe: Array<() => void> = []
  const summary = createSummaryFeed()
  // Videos main had no ffmpeg for get a poster frame drawn here.
  const posters = createPosterMaker(api)
  /** Called when a load's first page is in the store. */
  let firstPageIn = (): void => undefined
  // The rows page by page: the first screen paints before the rest of a large session arrives.
  const rows = createSnapshotLoader(
    api,
    {
      first: (snapshot) => {
        store.receiveSnapshot(snapshot)
        firstPageIn()
        summary.snapshot(snapshot)
        posters.snapshot(snapshot)
      },
      more: (page) => {
        const patch = { upsert: page, remove: [] }
        store.receivePatch(patch)
        summary.patch(patch)
        posters.patch(patch)
      },
      complete: (snapshot, since) => {
        store.receiveSnapshot(snapshot, since)
        summary.snapshot({ ...snapshot, rows: [...useAppStore.getState().session.byId.values()] })
      },
    },
    undefined,
    // The next pages wait for the first screen to be painted: parsing them would delay it.
    () => firstScreen.then(() => nextPaint()),
  )
  try {
    unsubscribe = [
      api.on('sessionPatch', (patch) => {
        store.receivePatch(patch)
        summary.patch(patch)
        posters.patch(patch)
        rows.patch(patch)
      }),
      api.on('scanProgress', (progress) => {
        store.receiveScanProgress(progress)
        // The first drop names a new session (main: getAppInfo's sessionName): the banner follows.
        if (progress.state === 'done') refreshAppInfo(api)
      }),
    ]
  } catch (err) {
    reportFailure(err, 'Could not connect to the app')
    return { loaded: Promise.resolve(), stop: () => undefined }
  }
  unsubscribe.push(summary.stop)
  // The columns follow the media types of the rows (column-layout.ts), published with the counts.
  unsubscribe.push(useRowSummary.subscribe((s) => useAppStore.getState().setPresentTypes(s.mediaTypes ?? [])))
  const failed = (err: unknown) => reportFailure(err, 'Could not load the session')
  /** Settles when the first answers are in the store (the first page only, of the rows), or failed. */
  const load = async (): Promise<void> => {
    const firstPage = new Promise<void>((resolve) => (firstPageIn = resolve))
    const allRows = rows.load().catch(failed)
    await Promise.all([
      api.getAppInfo().then((info) => {
        store.receiveAppInfo(info)
        // Column layouts are kept per profile.
        store.loadLayoutFor(info.profileName)
      }, failed),
      api.getProject().then(store.receiveProject, failed),
      api.getEditHistory().then(store.setHistory, failed),
      Promise.race([firstPage, allRows]),
    ])
  }
  // Another session was opened (workspace): what showed the previous one is reset, then
  // everything is loaded again from the new one.
  try {
    unsubscribe.push(
      api.on('workspaceChanged', (info) => {
        sessionOpened(info, summary)
        void load()
      }),
    )
  } catch (err) {
    reportFailure(err, 'Could not connect to the app')
  }
  return { loaded: load(), stop: () => unsubscribe.forEach((off) => off()) }
}
