/**
 * The counts bar's and the error panel's figures, worked out from all rows a moment after they
 * change, when the window is idle: a pass over 50,000 rows is too slow to run on every keystroke's
 * patch, and a count that settles 300 ms later reads the same to an editor.
 */
import { create } from 'zustand'
import { summariseRows, type RowSummary } from './issue-groups'
import { emptyCounts } from './row-class'
import type { useAppStore } from './app-store'

export const useRowSummary = create<RowSummary>()(() => ({ counts: emptyCounts(), groups: [] }))

const SETTLE_MS = 300

export function followRowSummary(store: typeof useAppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    timer = undefined
    useRowSummary.setState(summariseRows(store.getState().session.byId.values()))
  }
  const schedule = () => {
    if (timer !== undefined) return
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 })
      else run()
    }, SETTLE_MS)
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session !== previous.session) schedule()
  })
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
  }
}
