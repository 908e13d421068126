/**
 * The upload engine: a queue of files that uploads itself, bounded by one request budget over
 * all files and parts, with pause / resume / cancel / retry and typed events. No Electron: the
 * importer (app and CLI) feeds it rows as they are probed and mirrors its events onto rows.
 * This file is the queue side (what waits, what runs, what the editor asked for); running one
 * file's upload is job-runner.ts.
 */
import { stat } from 'node:fs/promises'
import type { S3Client } from '@aws-sdk/client-s3'
import { countItems } from './engine-counts'
import { BUFFER_LIMIT, engineSettings, type UploadEngineOptions } from './engine-options'
import { EngineEvents } from './engine-events'
import type { RowListener, TotalListener } from './engine-events'
import { EngineStop, hashId, isRetryable } from './engine-item'
import type { Item, ItemStatus } from './engine-item'
import { HashAhead } from './hash-ahead'
import { IdleWatch } from './idle-watch'
import { JobRunner, refOf } from './job-runner'
import { SpeedMeter } from './progress'
import { ProgressReporter } from './progress-reporter'
import { UploadQueue } from './upload-queue'
import { uploadKeyOf } from './types'
import type { StorageConfig, TotalProgress, UploadEvent, UploadInput, UploadStateStore } from './types'

export type { ItemStatus }

export { DEFAULT_MIN_PART_SIZE, DEFAULT_MULTIPART_THRESHOLD, type UploadEngineOptions } from './engine-options'

export class UploadEngine {
  private readonly items = new Map<string, Item>()
  private readonly queue = new UploadQueue<Item>()
  private readonly events = new EngineEvents()
  private readonly client: S3Client
  private readonly store: UploadStateStore
  private readonly progress: ProgressReporter
  private readonly hashes = new HashAhead()
  private readonly runner: JobRunner
  private readonly maxActiveFiles: number
  private readonly multipartThreshold: number
  private readonly largeFilesFirst: boolean
  private readonly idleWatch = new IdleWatch(() => this.isIdle())
  private active = 0
  private activeLarge = 0
  private pausedAll = false

  constructor(config: StorageConfig, options: UploadEngineOptions = {}) {
    const settings = engineSettings(config, options, this.hashes)
    this.client = settings.deps.client
    this.store = settings.deps.store
    this.maxActiveFiles = settings.maxActiveFiles
    this.multipartThreshold = settings.deps.multipartThreshold
    this.largeFilesFirst = settings.largeFilesFirst
    this.progress = new ProgressReporter(
      {
        file: (item, progress) => {
          const it = item as Item
          if (it.status === 'active') this.emit({ type: 'uploading', ...refOf(it), progress })
        },
        total: (progress) => this.events.emitTotal(progress),
        counts: () => countItems(this.items.values()),
      },
      undefined,
      options.progressIntervalMs,
    )
    this.runner = new JobRunner(settings.deps, {
      emit: (event) => this.emit(event),
      progressed: (item) => this.progress.touch(item),
      settled: (item) => this.progress.forget(item),
      paused: (item) => this.setPaused(item),
      ended: (item) => {
        this.active--
        if (item.large) this.activeLarge--
        this.progress.touchTotal()
        this.pump()
      },
    })
  }

  on(event: 'row', listener: RowListener): () => void
  on(event: 'total', listener: TotalListener): () => void
  on(event: 'row' | 'total', listener: RowListener | TotalListener): () => void {
    return event === 'row'
      ? this.events.on('row', listener as RowListener)
      : this.events.on('total', listener as TotalListener)
  }

  /** Adds files; each starts as soon as a slot is free. A file already known is not added twice. */
  enqueue(inputs: UploadInput | readonly UploadInput[]): void {
    for (const input of Array.isArray(inputs) ? inputs : [inputs as UploadInput]) {
      const uploadKey = uploadKeyOf(input)
      const existing = this.items.get(uploadKey)
      if (existing && !isRetryable(existing)) continue
      const item: Item = {
        uploadKey,
        input,
        status: 'queued',
        bytesSent: 0,
        bytesTotal: input.size,
        meter: new SpeedMeter(),
      }
      this.items.set(uploadKey, item)
      this.queueItem(item)
      this.hashAhead(item)
    }
    this.pump()
  }

  /** Starts hashing a file that will need its hash before sending, unless the journal has it. */
  private hashAhead(item: Item): void {
    if (item.input.sha256 || item.input.size <= BUFFER_LIMIT) return
    void this.store.load(item.uploadKey).then(
      (state) => {
        if (!state && item.status === 'queued')
          this.hashes.request(hashId(item.input), item.input.path, item.input.size)
      },
      () => undefined,
    )
  }

  /** Pauses one upload, or all (in-flight requests are aborted; finished parts stay journaled). */
  pause(uploadKey?: string): void {
    const targets = uploadKey ? [this.items.get(uploadKey)] : [...this.items.values()]
    if (!uploadKey) this.pausedAll = true
    for (const item of targets) {
      if (!item) continue
      if (item.status === 'active') item.controller?.abort(new EngineStop('pause'))
      else if (item.status === 'queued') this.setPaused(item)
    }
  }

  resume(uploadKey?: string): void {
    if (!uploadKey) this.pausedAll = false
    const targets = uploadKey ? [this.items.get(uploadKey)] : [...this.items.values()]
    for (const item of targets) if (item?.status === 'paused') this.queueItem(item)
    this.pump()
  }

  /** Everything was paused (pause() without a key) and not resumed since. */
  get paused(): boolean {
    return this.pausedAll
  }

  /**
   * Retries a failed or cancelled upload; false when there is none under that key. The file is
   * checked as it is now (size, mtime): unchanged, it continues at its next journaled part;
   * changed, it starts over; already uploaded, it is reported from the journal, not sent again.
   */
  async retry(uploadKey: string, input?: UploadInput): Promise<boolean> {
    const item = this.items.get(uploadKey)
    if (!item || !isRetryable(item)) return false
    if (input) item.input = input
    else {
      const info = await stat(item.input.path).catch(() => undefined)
      const changed = info && (info.size !== item.input.size || Math.abs(info.mtimeMs - item.input.mtimeMs) >= 1)
      // A changed file's hash (from the probe) is stale; an unchanged one keeps it, unless the
      // store found other bytes than that hash (changed content, same size and date).
      if (info && changed) item.input = { ...item.input, size: info.size, mtimeMs: info.mtimeMs, sha256: undefined }
      else if (item.failure === 'source-changed') item.input = { ...item.input, sha256: undefined }
    }
    if (!isRetryable(item)) return false
    item.bytesTotal = item.input.size
    item.bytesSent = 0
    this.queueItem(item)
    this.pump()
    return true
  }

  /**
   * Stops an upload and removes what it left on the server (multipart parts or a partial object)
   * and in the journal. False when there was nothing to cancel (unknown, uploaded, cancelled).
   */
  async cancel(uploadKey: string): Promise<boolean> {
    const item = this.items.get(uploadKey)
    if (item?.status === 'uploaded' || item?.status === 'cancelled') return false
    if (item?.status === 'active') {
      item.controller?.abort(new EngineStop('cancel'))
      await item.job
      // It may have finished in the instant before the abort landed: then it stays uploaded.
      if ((item.status as ItemStatus) === 'uploaded') return false
    } else if (item) {
      // Out of the queue at once, before anything awaits, so the pump cannot start it meanwhile.
      this.queue.remove(item)
      this.progress.forget(item)
    }
    if (item) item.status = 'cancelled'
    await this.runner.discard(item, uploadKey)
    if (!item) return false
    this.hashes.forget(hashId(item.input))
    this.emit({ type: 'cancelled', ...refOf(item) })
    this.progress.touchTotal()
    this.checkIdle()
    return true
  }

  /** Cancels every upload not finished yet; answers how many were cancelled. */
  async cancelAll(): Promise<number> {
    const keys = [...this.items.values()].filter((i) => i.status !== 'uploaded' && i.status !== 'cancelled')
    const done = await Promise.all(keys.map((i) => this.cancel(i.uploadKey)))
    return done.filter(Boolean).length
  }

  /**
   * Lets go of a file the engine knows (after a cancel, say), so the same key can come again as a
   * new file. A file still queued or uploading is kept: cancel it first.
   */
  forget(uploadKey: string): void {
    const item = this.items.get(uploadKey)
    if (!item || item.status === 'active' || item.status === 'queued') return
    this.items.delete(uploadKey)
    this.progress.forget(item)
    this.progress.touchTotal()
  }

  /**
   * Work that will hand this engine files soon (the importer's "already in the library?" lookup
   * before uploads): `idle()` waits for it first, so "idle" never comes between a probe and its upload.
   */
  expectInputs(work: Promise<unknown>): void {
    this.idleWatch.expect(work)
  }

  /** Resolves when nothing is queued or uploading (paused and failed files do not count). */
  async idle(): Promise<void> {
    await this.idleWatch.wait()
    await this.progress.drain()
  }

  status(uploadKey: string): ItemStatus | undefined {
    return this.items.get(uploadKey)?.status
  }

  /** Totals as of now (the `total` event carries the same, throttled, with speed and ETA). */
  totals(): TotalProgress {
    const { bytesPending: _pending, ...counts } = countItems(this.items.values())
    return { ...counts, ...this.progress.lastSpeed() }
  }

  /** Stops everything like a pause (the journal keeps what finished) and frees sockets. */
  async close(): Promise<void> {
    this.pausedAll = true
    const jobs = [...this.items.values()]
      .filter((i) => i.status === 'active')
      .map((i) => {
        i.controller?.abort(new EngineStop('close'))
        return i.job
      })
    await Promise.all(jobs)
    this.hashes.stop()
    this.progress.stop()
    this.client.destroy()
  }

  private queueItem(item: Item): void {
    item.status = 'queued'
    this.queue.push(item, this.largeFilesFirst && item.input.size >= this.multipartThreshold)
    this.emit({ type: 'queued', ...refOf(item) })
    this.progress.touchTotal()
  }

  private setPaused(item: Item): void {
    this.queue.remove(item)
    item.status = 'paused'
    this.progress.forget(item)
    this.emit({ type: 'paused', ...refOf(item) })
    this.checkIdle()
  }

  private pump(): void {
    while (!this.pausedAll && this.active < this.maxActiveFiles) {
      const next = this.queue.next(this.activeLarge, Math.max(1, Math.floor(this.maxActiveFiles / 4)))
      if (!next) break
      next.item.large = next.large
      this.active++
      if (next.large) this.activeLarge++
      this.runner.start(next.item)
    }
    this.checkIdle()
  }

  private emit(event: UploadEvent): void {
    this.events.emitRow(event)
  }

  private isIdle(): boolean {
    return this.active === 0 && (this.pausedAll || !this.queue.hasQueued())
  }

  private checkIdle(): void {
    this.idleWatch.check()
  }
}
