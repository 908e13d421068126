/**
 * The counts bar's and the error panel's figures. The tracker follows every snapshot and patch as
 * it arrives (cheap: only the rows a patch carries); the figures are published a moment later, so
 * a burst of upload progress re-renders the panels once, not per patch.
 */
import { create } from 'zustand'
import type { SessionPatch, SessionSnapshot } from '../../src-main/contract'
import type { RowSummary } from './issue-groups'
import { emptyCounts } from './row-class'
import { SummaryTracker } from './summary-tracker'

export const useRowSummary = create<RowSummary>()(() => ({ counts: emptyCounts(), groups: [] }))

const PUBLISH_MS = 150

export function createSummaryFeed(): {
  snapshot(s: SessionSnapshot): void
  patch(p: SessionPatch): void
  /** Another session opened: no figures until its snapshot (shown at once, not a moment later). */
  reset(): void
  stop(): void
} {
  const tracker = new SummaryTracker()
  let timer: ReturnType<typeof setTimeout> | undefined
  const publish = () => {
    timer ??= setTimeout(() => {
      timer = undefined
      useRowSummary.setState(tracker.summary())
    }, PUBLISH_MS)
  }
  return {
    snapshot: (snapshot) => {
      tracker.reset(snapshot.rows)
      publish()
    },
    patch: (patch) => {
      for (const id of patch.remove) tracker.remove(id)
      for (const row of patch.upsert) tracker.upsert(row)
      publish()
    },
    reset: () => {
      clearTimeout(timer)
      timer = undefined
      tracker.reset([])
      useRowSummary.setState(tracker.summary())
    },
    stop: () => clearTimeout(timer),
  }
}
