/**
 * Turns a stream of byte counts into throttled progress events: per file and in total, each at
 * most once per interval (5 a second by default), with a trailing update so the last bytes
 * always show. The maths is in progress.ts; this only owns the timer.
 */
import { fileProgress, PROGRESS_INTERVAL_MS, SpeedMeter, Throttle } from './progress'
import type { FileProgress, TotalProgress } from './types'

export interface ProgressSubject {
  uploadKey: string
  bytesSent: number
  bytesTotal: number
  meter: SpeedMeter
}

export interface ProgressSinks {
  file(subject: ProgressSubject, progress: FileProgress): void
  total(progress: TotalProgress): void
  /** Totals as of now, without speed (the reporter adds speed and ETA). */
  counts(): Omit<TotalProgress, 'bytesPerSecond' | 'etaSeconds'> & { bytesPending: number }
}

export class ProgressReporter {
  private readonly dirty = new Set<ProgressSubject>()
  private readonly throttle: Throttle
  private readonly totalMeter = new SpeedMeter()
  private timer: NodeJS.Timeout | undefined
  private totalDirty = false
  private drained: (() => void)[] = []

  constructor(
    private readonly sinks: ProgressSinks,
    private readonly now: () => number = Date.now,
    intervalMs = PROGRESS_INTERVAL_MS,
  ) {
    this.throttle = new Throttle(intervalMs)
  }

  /** A file's bytes changed (or it just started). */
  touch(subject: ProgressSubject): void {
    this.dirty.add(subject)
    this.totalDirty = true
    this.schedule()
  }

  /** Only the totals changed (a file finished, failed or was added). */
  touchTotal(): void {
    this.totalDirty = true
    this.schedule()
  }

  /** A file left the active set: no more updates for it. */
  forget(subject: ProgressSubject): void {
    this.dirty.delete(subject)
  }

  /** Resolves once the pending trailing update (if any) went out, so the last figures are seen. */
  drain(): Promise<void> {
    if (!this.timer) return Promise.resolve()
    return new Promise((resolve) => this.drained.push(resolve))
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.releaseDrained()
  }

  private releaseDrained(): void {
    const waiters = this.drained
    this.drained = []
    for (const resolve of waiters) resolve()
  }

  private schedule(): void {
    if (this.timer) return
    const decision = this.throttle.decide(this.now())
    if (decision.emit) this.flush()
    else this.timer = setTimeout(() => this.flush(), decision.waitMs)
  }

  private flush(): void {
    this.timer = undefined
    try {
      this.emitNow()
    } finally {
      this.releaseDrained()
    }
  }

  private emitNow(): void {
    const now = this.now()
    this.throttle.markEmitted(now)
    for (const subject of this.dirty) {
      subject.meter.record(now, subject.bytesSent)
      this.sinks.file(subject, fileProgress(subject.bytesSent, subject.bytesTotal, subject.meter.bytesPerSecond(now)))
    }
    this.dirty.clear()
    if (!this.totalDirty) return
    this.totalDirty = false
    const { bytesPending, ...counts } = this.sinks.counts()
    this.totalMeter.record(now, counts.bytesSent)
    const speed = this.totalMeter.bytesPerSecond(now)
    const eta = bytesPending <= 0 ? 0 : speed > 0 ? Math.ceil(bytesPending / speed) : undefined
    this.sinks.total({ ...counts, bytesPerSecond: speed, etaSeconds: eta })
  }
}
