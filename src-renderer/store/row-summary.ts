/**
 * The counts bar's and the error panel's figures. The tracker follows every snapshot and patch as
 * it arrives (cheap: only the rows a patch carries); the figures are published a moment later, so
 * a burst of upload progress re-renders the panels once, not per patch.
 */
import { create } from 'zustand'
import type { SessionPatch, SessionSnapshot } from '../../src-main/contract'
import { noChoiceGroups, type ChoiceGroups } from '../grid/cells/row-choices'
import { ChoiceTracker } from './choice-tracker'
import type { RowSummary } from './issue-groups'
import { emptyCounts } from './row-class'
import { SummaryTracker } from './summary-tracker'

/** The counts, the error groups and the ways out for many rows (the error panel's buttons). */
export type PanelFigures = RowSummary & { choices: ChoiceGroups }

export const useRowSummary = create<PanelFigures>()(() => ({
  counts: emptyCounts(),
  groups: [],
  choices: noChoiceGroups(),
}))

const PUBLISH_MS = 150

export function createSummaryFeed(): {
  snapshot(s: SessionSnapshot): void
  patch(p: SessionPatch): void
  /** Another session opened: no figures until its snapshot (shown at once, not a moment later). */
  reset(): void
  stop(): void
} {
  const tracker = new SummaryTracker()
  const choices = new ChoiceTracker()
  let timer: ReturnType<typeof setTimeout> | undefined
  const figures = (): PanelFigures => ({ ...tracker.summary(), choices: choices.groups() })
  const publish = () => {
    timer ??= setTimeout(() => {
      timer = undefined
      useRowSummary.setState(figures())
    }, PUBLISH_MS)
  }
  return {
    snapshot: (snapshot) => {
      tracker.reset(snapshot.rows)
      choices.reset(snapshot.rows)
      publish()
    },
    patch: (patch) => {
      for (const id of patch.remove) {
        tracker.remove(id)
        choices.remove(id)
      }
      for (const row of patch.upsert) {
        tracker.upsert(row)
        choices.upsert(row)
      }
      publish()
    },
    reset: () => {
      clearTimeout(timer)
      timer = undefined
      tracker.reset([])
      choices.reset([])
      useRowSummary.setState(figures())
    },
    stop: () => clearTimeout(timer),
  }
}
