/**
 * A row's life as one state machine (ARCHITECTURE.md, "A row's life"): the states are the row's
 * stored `status` (so old sessions open unchanged), the events are what happens to its file, and
 * TRANSITIONS is the one table of what may follow what. Every place that moves a row asks
 * `transition` (through `pipeline/row-step.ts`), so an impossible move is refused and logged
 * instead of jumping silently. The editor-facing words ("Ready", "Needs attention: Title") are
 * derived from the whole row in `session/row-state.ts`. Pure; imports nothing but model types.
 */
import type { RowStatus } from '../model/row'

/** `new` is the row before it exists: the walk's verdict creates it. */
export type LifeState = RowStatus | 'new'

export type LifeEvent =
  /** The walk found a readable file / a file it skips / a file it could not read. */
  | 'found'
  | 'skip'
  | 'walk-failed'
  /** The probe read the bytes, or said (or threw) why it could not. */
  | 'probe-ok'
  | 'probe-failed'
  /** The editor's "Import as file" on a damaged file. */
  | 'import-as-file'
  /** The upload engine's events for the row's main file. */
  | 'upload-queued'
  | 'upload-progress'
  | 'upload-done'
  | 'upload-failed'
  | 'upload-cancelled'
  /** The lookup before upload or submit found this content in the library under its content identity. */
  | 'found-in-library'
  /** "Import again as a new entry" on a row the library already holds. */
  | 'import-again'
  /** A submit attempt is journaled: the entry id is fixed from now on. */
  | 'attempt'
  /** Outcomes, from the import answer, the pre-flight lookup or a reconciling lookup. */
  | 'imported'
  | 'rejected'
  | 'conflict'
  | 'failed'
  /** A row left `submitting` by an earlier process is not in the library: it may go again. */
  | 'not-found-after-crash'
  /** The editor's "Link to entry" on an externalId conflict. */
  | 'link'

export interface Transition {
  from: LifeState
  event: LifeEvent
  to: RowStatus
  /** Where it happens and why; shown on the arrow of ARCHITECTURE.md's diagram. */
  why: string
}

/**
 * Where each event takes a row: one status per event, wherever it comes from. So the status a
 * change writes is known from its event alone, and `row-step.ts` types the change with it (a
 * change for `imported` is part of an `ImportedRow`: it may carry `result`, never `conflict`).
 */
export const TARGET = {
  found: 'scanned',
  skip: 'skipped',
  'walk-failed': 'unreadable',
  'probe-ok': 'probed',
  'probe-failed': 'unreadable',
  'import-as-file': 'probed',
  'upload-queued': 'probed',
  'upload-progress': 'uploading',
  'upload-done': 'uploaded',
  'upload-failed': 'upload-failed',
  'upload-cancelled': 'probed',
  'found-in-library': 'in-library',
  'import-again': 'probed',
  attempt: 'submitting',
  imported: 'imported',
  rejected: 'rejected',
  conflict: 'conflict',
  failed: 'uploaded',
  'not-found-after-crash': 'uploaded',
  link: 'imported',
} as const satisfies Record<LifeEvent, RowStatus>

/** States a row's bytes are still on their way in: upload events move it among them. */
const BYTES = ['probed', 'uploading', 'uploaded', 'upload-failed'] as const
/** Not imported, not being sent: what a submit or a lookup before it may settle (`importer/submit-rows.ts`). */
const SENDABLE = [...BYTES, 'rejected', 'conflict'] as const
/** Asset uploaded, so validation may let the row be sent. */
const SENT_FROM = ['uploaded', 'rejected', 'conflict'] as const

const each = (from: readonly LifeState[], event: LifeEvent, why: string): Transition[] =>
  from.map((state) => ({ from: state, event, to: TARGET[event], why }))

/** The one table of a row's life: a move not listed here (or in KEPT) is refused. */
export const TRANSITIONS: readonly Transition[] = [
  ...each(['new'], 'found', 'walk found a file (rowFromScan)'),
  ...each(['new'], 'skip', 'hidden, OS file, link outside, loop'),
  ...each(['new'], 'walk-failed', 'walk could not read it'),
  ...each(['scanned'], 'probe-ok', 'probe read the bytes (rowFactsFromProbe)'),
  ...each(['scanned'], 'probe-failed', 'probe named the problem'),
  ...each(['unreadable'], 'import-as-file', '"Import as file" (importAsFile)'),
  ...each(BYTES, 'upload-queued', 'engine queued it (uploadChange)'),
  ...each(BYTES, 'upload-progress', 'engine sending bytes'),
  ...each(BYTES, 'upload-done', 'HEAD confirmed'),
  ...each(BYTES, 'upload-failed', 'classified failure'),
  ...each(BYTES, 'upload-cancelled', 'cancelled; waits for Retry'),
  ...each([...SENDABLE, 'submitting'], 'found-in-library', 'lookup found this content (markInLibrary)'),
  ...each(['in-library'], 'import-again', '"Import again as a new entry"'),
  ...each(SENT_FROM, 'attempt', 'attempt journaled (startAttempt)'),
  ...each(['submitting'], 'imported', 'answer or lookup confirms our entry'),
  ...each(['submitting'], 'rejected', 'server issues, pinned to fields'),
  ...each([...SENDABLE, 'submitting'], 'conflict', 'externalId or id held by another entry'),
  ...each([...SENT_FROM, 'submitting'], 'failed', 'exchange failed (importFailure says why)'),
  ...each(['submitting'], 'not-found-after-crash', 'lookup after a crash: not there'),
  ...each(['conflict'], 'link', '"Link to entry" (linkToExisting)'),
]

/**
 * Events a state takes without moving: upload events for a row already sent, being sent or found
 * in the library (a submitted row keeps its status; its upload facts still update), and another
 * `attempt` of a row being sent: the importer retries a batch whose exchange failed (a timeout, a
 * 5xx, a 413 split) with the same entries, and each retry is journaled as an attempt of its rows.
 */
const UPLOAD_EVENTS = ['upload-queued', 'upload-progress', 'upload-done', 'upload-failed', 'upload-cancelled'] as const
export const KEPT: readonly { from: RowStatus; event: LifeEvent }[] = [
  ...(['submitting', 'imported', 'rejected', 'conflict', 'in-library'] as const).flatMap((from) =>
    UPLOAD_EVENTS.map((event) => ({ from, event })),
  ),
  { from: 'submitting', event: 'attempt' },
]

export type TransitionResult =
  | {
      ok: true
      to: RowStatus
      /** The state takes the event without moving (listed in KEPT). */
      kept?: true
    }
  | {
      ok: false
      /** Plain words for the log: which move was asked for and why it cannot be. */
      error: string
    }

const key = (from: LifeState, event: LifeEvent): string => `${from} ${event}`
const NEXT = new Map(TRANSITIONS.map((t) => [key(t.from, t.event), t.to]))
const STAYS = new Set(KEPT.map((k) => key(k.from, k.event)))

/** The state after `event`, or an error naming the refused move (the caller logs it, the row stays). */
export function transition(from: LifeState, event: LifeEvent): TransitionResult {
  const to = NEXT.get(key(from, event))
  if (to) return { ok: true, to }
  if (from !== 'new' && STAYS.has(key(from, event))) return { ok: true, to: from, kept: true }
  return { ok: false, error: `A row in state "${from}" cannot take the event "${event}"; its status stays.` }
}
