/**
 * The crash test's kill plan: where in an import each SIGKILL aims, drawn from the seed in the order the
 * phases come. Thresholds count work done (files read, uploaded, parts, entries), never time alone, so a
 * fast run cannot finish before its kill point, and a target already passed is skipped rather than forced.
 */
import type { SeededRandom } from '../test-support/seeded-random'
import type { ObservedSession } from '../test-support/session-observer'

export type Phase = 'start' | 'anytime' | 'scan' | 'multipart' | 'upload' | 'submit' | 'inside-submit'

export interface Progress {
  rows: number
  /** Rows read past `scanned` (kind, size and metadata known): the scan is done when all are. */
  probed: number
  uploadedSmall: number
  bigParts: number
  bigUploaded: boolean
  entries: number
}

export interface RunState {
  now: Progress
  /** Progress when this run started. */
  at: Progress
  /** Bytes of the big file's parts S3 received during this run. */
  bigBytes: number
  elapsedMs: number
  /** How long rows have been waiting to be read in this run (the scan is on); undefined before. */
  scanningMs: number | undefined
}

export interface Target {
  phase: Phase
  /** Can this target still be hit, given the progress when a run starts? */
  reachable(at: Progress): boolean
  /** Kill now? ('inside-submit' is hit by the held answer instead: see the test.) */
  hit(run: RunState): boolean
}

export interface PlanShape {
  /** Files in the drop, the big one included. */
  total: number
  batch: number
  bigParts: number
  /** Bytes of the big file's parts that must have crossed before a multipart kill. */
  minBigBytes: number
}

export function killPlan(rng: SeededRandom, { total, batch, bigParts, minBigBytes }: PlanShape): Target[] {
  const small = total - 1
  const rising = (phase: Phase, value: (p: Progress) => number, threshold: number): Target => ({
    phase,
    reachable: (at) => value(at) < threshold,
    hit: ({ now, at }) => value(now) >= threshold && value(now) > value(at),
  })
  // Reading 301 small files takes about a second, and a look at the session can take a good part
  // of that on a busy machine: a scan kill also comes a random time after reading began.
  const scan = (threshold: number, afterMs: number): Target => ({
    phase: 'scan',
    reachable: (at) => at.probed < threshold,
    hit: (run) => rising('scan', (p) => p.probed, threshold).hit(run) || (run.scanningMs ?? -1) >= afterMs,
  })
  const multipart = (parts: number): Target => ({
    phase: 'multipart',
    reachable: (at) => !at.bigUploaded,
    hit: ({ now, bigBytes }) => !now.bigUploaded && now.bigParts >= parts && bigBytes >= minBigBytes,
  })
  const a = rng.int(25, 90)
  const b = rng.int(a + 30, 200)
  const u1 = rng.int(20, 90)
  const u2 = rng.int(u1 + 40, small - 40)
  const e1 = rng.int(batch, 100)
  const e2 = rng.int(e1 + batch, 200)
  const e3 = rng.int(e2 + batch, total - batch)
  const startMs = rng.int(300, 1500)
  // Kills at a random point of a run, wherever it is then: after a random amount of work, not time.
  const work = (p: Progress): number => p.probed + p.uploadedSmall + p.bigParts + p.entries
  const anytime = (): Target => {
    const amount = rng.int(5, 80)
    return {
      phase: 'anytime',
      reachable: (at) => at.entries < total,
      hit: ({ now, at }) => work(now) - work(at) >= amount,
    }
  }
  const insideSubmit: Target = {
    phase: 'inside-submit',
    reachable: (at) => at.entries < total - batch,
    hit: () => false,
  }
  return [
    // The scan kills come first: on a quiet machine 301 small files are read in a fraction of a
    // second, so a kill at a fixed time after start-up finds the scan over and leaves no scan to
    // kill. The first at the first sight of files waiting to be read (a busy machine can make the
    // scan look short), the second at a random point of the next run's scan.
    scan(a, 0),
    scan(b, rng.int(0, 150)),
    { phase: 'start', reachable: () => true, hit: ({ elapsedMs }) => elapsedMs >= startMs },
    anytime(),
    multipart(rng.int(0, 1)),
    rising('upload', (p) => p.uploadedSmall, u1),
    multipart(rng.int(2, bigParts - 2)),
    rising('upload', (p) => p.uploadedSmall, u2),
    multipart(bigParts - 1),
    anytime(),
    rising('submit', (p) => p.entries, e1),
    insideSubmit,
    rising('submit', (p) => p.entries, e2),
    insideSubmit,
    rising('submit', (p) => p.entries, e3),
    anytime(),
    anytime(),
  ]
}

/** How far a run got, from the session's files (the big file told by its size) and the entries stored. */
export function progressOf(observed: ObservedSession, bigSize: number, entries: number): Progress {
  const big = [...observed.uploads.values()].find((s) => s.source.size === bigSize)
  const uploaded = [...observed.uploads.values()].filter((s) => s.status === 'uploaded')
  return {
    rows: observed.rows.length,
    probed: observed.rows.filter((row) => row.status !== 'scanned').length,
    uploadedSmall: uploaded.filter((s) => s.source.size !== bigSize).length,
    bigParts: big?.multipart?.parts.length ?? 0,
    bigUploaded: big?.status === 'uploaded',
    entries,
  }
}

/** `key#part` of every upload the session has recorded as on the server (0 = a single PUT). */
export function settledParts(observed: ObservedSession): Set<string> {
  const settled = new Set<string>()
  for (const state of observed.uploads.values()) {
    if (state.status === 'uploaded' && !state.multipart) settled.add(`${state.key}#0`)
    for (const part of state.multipart?.parts ?? []) settled.add(`${state.key}#${part.partNumber}`)
  }
  return settled
}
