/**
 * Progress maths, pure: speed over a sliding window, ETA, and a throttle that decides when an
 * update may go out (the caller owns the clock and the timer). Editors see at most 5 updates a
 * second per file and in total; more would only cost IPC and renders.
 */
import type { FileProgress } from './types'

export const PROGRESS_INTERVAL_MS = 200

/** Speed over the last `windowMs`: recent enough to follow a Wi-Fi drop, long enough not to flicker. */
export class SpeedMeter {
  private samples: { at: number; bytes: number }[] = []

  constructor(private readonly windowMs = 5_000) {}

  /** `bytes` is the running total (it may go down when a failed part's bytes are taken back). */
  record(at: number, bytes: number): void {
    this.samples.push({ at, bytes })
    const cutoff = at - this.windowMs
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= cutoff) this.samples.shift()
  }

  bytesPerSecond(now: number): number {
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    if (!first || !last || last === first) return 0
    const spanMs = Math.max(now, last.at) - first.at
    if (spanMs <= 0) return 0
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / spanMs)
  }
}

export function etaSeconds(bytesLeft: number, bytesPerSecond: number): number | undefined {
  if (bytesLeft <= 0) return 0
  if (bytesPerSecond <= 0) return undefined
  return Math.ceil(bytesLeft / bytesPerSecond)
}

export function fileProgress(bytesSent: number, bytesTotal: number, bytesPerSecond: number): FileProgress {
  const sent = Math.min(Math.max(0, bytesSent), bytesTotal)
  return { bytesSent: sent, bytesTotal, bytesPerSecond, etaSeconds: etaSeconds(bytesTotal - sent, bytesPerSecond) }
}

export type ThrottleDecision = { emit: true } | { emit: false; waitMs: number }

/** Leading + trailing throttle: the first update goes out at once, later ones at most every interval. */
export class Throttle {
  private lastEmitAt = Number.NEGATIVE_INFINITY

  constructor(private readonly intervalMs = PROGRESS_INTERVAL_MS) {}

  decide(now: number): ThrottleDecision {
    const since = now - this.lastEmitAt
    if (since >= this.intervalMs) return { emit: true }
    return { emit: false, waitMs: this.intervalMs - since }
  }

  markEmitted(now: number): void {
    this.lastEmitAt = now
  }
}
