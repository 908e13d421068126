/**
 * Turns a stream of byte counts into throttled progress events: per file and in total, each at
 * most once per interval (5 a second by default), with a trailing update so the last bytes
 * always show. The maths is in progress.ts; this only owns the timer.
 *
 * The clock is monotonic (performance.now), and a timer that fires early is not trusted: libuv
 * schedules timers from its loop time, cached when the loop iteration began, so under load a
 * 200 ms timer can fire when only ~194 ms have really passed. The flush checks the clock again
 * and waits out the rest; the interval is measured from the end of the previous update, so the
 * listeners themselves see updates at least an interval apart.
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
  private speed: Pick<TotalProgress, 'bytesPerSecond' | 'etaSeconds'> = { bytesPerSecond: 0, etaSeconds: undefined }

  constructor(
    private readonly sinks: ProgressSinks,
    private readonly now: () => number = () => performance.now(),
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

  /** Speed and ETA of the last total update. */
  lastSpeed(): Pick<TotalProgress, 'bytesPerSecond' | 'etaSeconds'> {
    return this.speed
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
    const decision = this.throttle.decide(this.now())
    if (!decision.emit) {
      this.timer = setTimeout(() => this.flush(), Math.ceil(decision.waitMs))
      return
    }
    try {
      this.emitNow()
    } finally {
      this.releaseDrained()
    }
  }

  private emitNow(): void {
    const now = this.now()
    try {
      this.emitAll(now)
    } finally {
      this.throttle.markEmitted(this.now())
    }
  }

  private emitAll(now: number): void {
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
    this.speed = { bytesPerSecond: speed, etaSeconds: eta }
    this.sinks.total({ ...counts, ...this.speed })
  }
}
