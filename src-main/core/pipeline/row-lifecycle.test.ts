/**
 * The row's state machine, written out a second time on purpose: this table is the spec the code's
 * TRANSITIONS must equal, arrow for arrow, so a changed arrow is a decision made in two places.
 */
import { describe, expect, it } from 'vitest'
import { rowStatusSchema } from '../session/persistence/row-schema'
import type { RowStatus } from '../model/row'
import { KEPT, TRANSITIONS, transition, type LifeEvent, type LifeState } from './row-lifecycle'

const BYTES = ['probed', 'uploading', 'uploaded', 'upload-failed'] as const
const SENDABLE = [...BYTES, 'rejected', 'conflict'] as const
const SENT_FROM = ['uploaded', 'rejected', 'conflict'] as const

// prettier-ignore
const SPEC: [readonly LifeState[], LifeEvent, RowStatus][] = [
  [['new'], 'found', 'scanned'],
  [['new'], 'skip', 'skipped'],
  [['new'], 'walk-failed', 'unreadable'],
  [['scanned'], 'probe-ok', 'probed'],
  [['scanned'], 'probe-failed', 'unreadable'],
  [['unreadable'], 'import-as-file', 'probed'],
  [BYTES, 'upload-queued', 'probed'],
  [BYTES, 'upload-progress', 'uploading'],
  [BYTES, 'upload-done', 'uploaded'],
  [BYTES, 'upload-failed', 'upload-failed'],
  [BYTES, 'upload-cancelled', 'probed'],
  [[...SENDABLE, 'submitting'], 'found-in-library', 'in-library'],
  [['in-library'], 'import-again', 'probed'],
  [SENT_FROM, 'attempt', 'submitting'],
  [['submitting'], 'imported', 'imported'],
  [['submitting'], 'rejected', 'rejected'],
  [[...SENDABLE, 'submitting'], 'conflict', 'conflict'],
  [[...SENT_FROM, 'submitting'], 'failed', 'uploaded'],
  [['submitting'], 'not-found-after-crash', 'uploaded'],
  [['conflict'], 'link', 'imported'],
]
const arrows = SPEC.flatMap(([from, event, to]) => from.map((state) => [state, event, to] as const))

/** Every status a session file may hold (what old sessions open with), and the row before it exists. */
const STATES: LifeState[] = ['new', ...rowStatusSchema.options]
const EVENTS: LifeEvent[] = [
  'found',
  'skip',
  'walk-failed',
  'probe-ok',
  'probe-failed',
  'import-as-file',
  'upload-queued',
  'upload-progress',
  'upload-done',
  'upload-failed',
  'upload-cancelled',
  'found-in-library',
  'import-again',
  'attempt',
  'imported',
  'rejected',
  'conflict',
  'failed',
  'not-found-after-crash',
  'link',
]
const UPLOAD_EVENTS = EVENTS.filter((e) => e.startsWith('upload-'))
const KEEPS = ['submitting', 'imported', 'rejected', 'conflict', 'in-library'] as const

describe('row lifecycle', () => {
  it('has exactly the arrows of the spec, each once', () => {
    const table = TRANSITIONS.map((t) => `${t.from} -${t.event}-> ${t.to}`)
    expect(new Set(table).size).toBe(table.length)
    expect([...table].sort()).toEqual(arrows.map(([from, event, to]) => `${from} -${event}-> ${to}`).sort())
  })

  it.each(arrows)('%s takes %s and becomes %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, to })
  })

  it('keeps the status of a row already sent, being sent or in the library on upload events', () => {
    expect(KEPT).toHaveLength(KEEPS.length * UPLOAD_EVENTS.length + 1)
    for (const from of KEEPS) {
      for (const event of UPLOAD_EVENTS) expect(transition(from, event)).toEqual({ ok: true, to: from, kept: true })
    }
  })

  it('takes another attempt of a row being sent without moving it (a batch retried after a failed exchange)', () => {
    expect(transition('submitting', 'attempt')).toEqual({ ok: true, to: 'submitting', kept: true })
  })

  it('sends every event to one status, wherever it comes from', () => {
    for (const event of EVENTS)
      expect(new Set(TRANSITIONS.filter((t) => t.event === event).map((t) => t.to)).size).toBe(1)
  })

  const allowed = new Set([
    ...arrows.map(([from, event]) => `${from} ${event}`),
    ...KEEPS.flatMap((from) => UPLOAD_EVENTS.map((event) => `${from} ${event}`)),
    'submitting attempt',
  ])
  const refused = STATES.flatMap((from) => EVENTS.map((event) => [from, event] as const)).filter(
    ([from, event]) => !allowed.has(`${from} ${event}`),
  )

  it.each(refused)('refuses %s taking %s, in words', (from, event) => {
    const result = transition(from, event)
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`"${from}" cannot take the event "${event}"`) })
  })

  it('refuses the moves that would lose an import or skip a step', () => {
    expect(transition('imported', 'attempt').ok).toBe(false)
    expect(transition('imported', 'failed').ok).toBe(false)
    expect(transition('scanned', 'attempt').ok).toBe(false)
    expect(transition('probed', 'imported').ok).toBe(false)
    expect(transition('skipped', 'probe-ok').ok).toBe(false)
    expect(refused.length).toBeGreaterThan(150)
  })

  it('reaches every status from a new row', () => {
    const reached = new Set<LifeState>(['new'])
    for (let grew = true; grew;) {
      grew = false
      for (const t of TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to)
          grew = true
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES].sort())
  })
})
