/**
 * Runs scans in the background: each has an id and an AbortController. Rows appear as
 * 'scanned' the moment the walk finds their files, then each is probed (bounded concurrency)
 * and updates to 'probed' with its facts, or 'unreadable' with the reason. Thumbnails follow
 * in the background and never hold the scan up. Byte-identical files point at the one found
 * first, across every scan of the session.
 */
import { randomUUID } from 'node:crypto'
import type { ScanProgress } from '../model/session-shapes'
import type { ProjectModel } from '../model/livingdocs'
import type { MediaTypeDefaults } from '../prefill/media-type'
import { InFlight } from '../probe/in-flight'
import { Prober } from '../probe/prober'
import { rowFactsFromProbe } from './row-facts'
import { firstStatus, step } from './row-step'
import type { ThumbnailCache } from '../probe/thumbnails/thumbnail-cache'
import type { ProbeResult } from '../model/probe-facts'
import { DuplicateIndex } from '../scan/duplicate-index'
import type { ScannedFile } from '../scan/scanned-file'
import { walkPaths } from '../scan/walk'
import type { Row } from '../model/row'
import type { Session } from '../session/session'

/**
 * Node's randomUUID() builds its 36 characters as a rope of a dozen V8 cons strings (~400 bytes
 * of heap); a row keeps its id for the whole session, so it gets one flat copy (~56 bytes).
 */
const newRowId = (): string => Buffer.from(randomUUID(), 'latin1').toString('latin1')

export function rowFromScan(file: ScannedFile): Row {
  const row = {
    rowId: newRowId(),
    path: file.path,
    relativePath: file.relativePath,
    size: file.size,
    mtimeMs: file.mtimeMs,
  }
  if (file.status === 'ok') return { ...row, status: firstStatus('found') }
  // The walk names a reason for every file it leaves out (scan/walk.ts); the words stand in if not.
  if (file.status === 'skipped')
    return { ...row, status: firstStatus('skip'), reason: file.reason ?? 'Skipped by the scan.' }
  return { ...row, status: firstStatus('walk-failed'), reason: file.reason ?? 'The file could not be read.' }
}

export interface ScanRunnerOptions {
  /** Shared by every scan; closed by `dispose()` when the runner made it. */
  prober?: Prober
  /** Absent: no thumbnails are made. */
  thumbnails?: ThumbnailCache
  /** The project's media types, once known; prefill falls back to the file name without them. */
  project?: () => ProjectModel | undefined
  /** The profile's default media type handle per kind. */
  mediaTypeDefaults?: () => MediaTypeDefaults | undefined
  /** Keep skipped entries as 'skipped' rows, so the grid can show them on request. Default true. */
  includeSkipped?: boolean
  /** Paths the session already has a row for (a continued session): neither added again nor probed. */
  isKnownPath?: (path: string) => boolean
}

/** Probes queued beyond this make the walk wait, so a 50,000-file drop keeps memory flat. */
const maxQueuedProbes = 2000
const progressEveryMs = 100

export class ScanRunner {
  private readonly running = new Map<string, AbortController>()
  private readonly prober: Prober
  private readonly ownsProber: boolean
  private readonly duplicates = new DuplicateIndex()
  /** Walk order across all scans of the session: the first of identical files is the original. */
  private order = 0

  constructor(
    private readonly session: Session,
    private readonly report: (progress: ScanProgress) => void,
    private readonly options: ScanRunnerOptions = {},
  ) {
    this.prober = options.prober ?? new Prober()
    this.ownsProber = options.prober === undefined
    // A reopened session's files count as found first: a new drop's twins point at them.
    for (const row of session.snapshot().rows) {
      if (row.sha256 && !row.probeError) this.duplicates.add(row.sha256, row.rowId, this.order++)
    }
  }

  start(paths: readonly string[]): string {
    const scanId = randomUUID()
    const controller = new AbortController()
    this.running.set(scanId, controller)
    void this.run(scanId, paths, controller.signal).finally(() => this.running.delete(scanId))
    return scanId
  }

  cancel(scanId: string): boolean {
    const controller = this.running.get(scanId)
    controller?.abort()
    return controller !== undefined
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }

  async dispose(): Promise<void> {
    this.cancelAll()
    if (this.ownsProber) await this.prober.close()
  }

  private async run(scanId: string, paths: readonly string[], signal: AbortSignal): Promise<void> {
    const progress: ScanProgress = {
      scanId,
      state: 'running',
      files: 0,
      skipped: 0,
      errors: 0,
      probed: 0,
      skippedByReason: {},
    }
    let lastReport = 0
    const report = (force = false): void => {
      const now = performance.now()
      if (!force && now - lastReport < progressEveryMs) return
      lastReport = now
      this.report({ ...progress, skippedByReason: { ...progress.skippedByReason } })
    }
    const inFlight = new InFlight()
    let first = true
    const countSkip = (file: ScannedFile): void => {
      const reasons = progress.skippedByReason as Record<string, number>
      const code = file.skipCode ?? 'other'
      reasons[code] = (reasons[code] ?? 0) + 1
    }
    try {
      const walk = walkPaths(paths, {
        signal,
        includeSkipped: this.options.includeSkipped ?? true,
        onSkipped: countSkip,
      })
      for await (const walked of walk) {
        const known = this.options.isKnownPath
        const batch = known ? walked.filter((file) => !known(file.path)) : walked
        if (batch.length < walked.length) {
          progress.alreadyInImport = (progress.alreadyInImport ?? 0) + walked.length - batch.length
        }
        const rows = batch.map(rowFromScan)
        this.session.upsertRows(rows)
        // The first rows of a drop go out now, not at the next coalesced flush.
        if (first) this.session.flush()
        first = false
        batch.forEach((file, i) => {
          if (file.status === 'ok') progress.files++
          else if (file.status === 'skipped') progress.skipped++
          else progress.errors++
          const row = rows[i] as Row
          if (file.status !== 'ok') return
          const probing = this.probe(row, this.order++, signal).then(
            (probe) => {
              if (probe?.error) progress.errors++
              if (probe) progress.probed = (progress.probed ?? 0) + 1
              report()
            },
            (err: unknown) => {
              // Not a file problem (those are results): keep the scan going and say what broke.
              progress.errors++
              const reason = `Probing failed: ${err instanceof Error ? err.message : String(err)}`
              const now = this.session.getRow(row.rowId)
              if (now) this.session.updateRow(row.rowId, { ...step(now, 'probe-failed'), reason })
            },
          )
          inFlight.track(probing)
        })
        report(true)
        await inFlight.room(maxQueuedProbes)
      }
      await inFlight.drained()
      signal.throwIfAborted()
      this.session.flush()
      report(true)
      this.report({ ...progress, state: 'done' })
    } catch (err) {
      await inFlight.drained()
      this.session.flush()
      const cancelled = signal.aborted
      this.report({
        ...progress,
        state: cancelled ? 'cancelled' : 'failed',
        ...(cancelled ? {} : { message: err instanceof Error ? err.message : String(err) }),
      })
    }
  }

  /** Probes one row and applies the facts; undefined when cancelled or the row is gone. */
  private async probe(row: Row, order: number, signal: AbortSignal): Promise<ProbeResult | undefined> {
    let probe: ProbeResult
    try {
      probe = await this.prober.probe({ path: row.path, size: row.size }, signal)
    } catch (err) {
      if (signal.aborted) return undefined
      throw err
    }
    if (!this.session.getRow(row.rowId)) return undefined
    const context = { project: this.options.project?.(), defaults: this.options.mediaTypeDefaults?.() }
    this.session.updateRow(row.rowId, rowFactsFromProbe(row, probe, context))
    if (probe.sha256 && !probe.error) {
      const alive = (id: string): boolean => this.session.getRow(id) !== undefined
      for (const change of this.duplicates.add(probe.sha256, row.rowId, order, alive)) {
        this.session.updateRow(change.id, { duplicateOf: change.duplicateOf })
      }
      this.thumbnail(row.rowId, row.path, probe)
    }
    return probe
  }

  private thumbnail(rowId: string, path: string, probe: ProbeResult): void {
    const cache = this.options.thumbnails
    if (!cache || !probe.sha256 || !probe.kind || !probe.mimeType || probe.kind === 'file') return
    const request = { path, sha256: probe.sha256, kind: probe.kind, mimeType: probe.mimeType, duration: probe.duration }
    void cache.ensure(request).then(
      (outcome) => {
        if (!this.session.getRow(rowId)) return
        this.session.updateRow(
          rowId,
          'key' in outcome ? { thumbnail: outcome.key } : { thumbnailUnavailable: outcome.unavailable },
        )
      },
      (err: unknown) => {
        const why = err instanceof Error ? err.message : String(err)
        if (this.session.getRow(rowId)) this.session.updateRow(rowId, { thumbnailUnavailable: `no preview: ${why}` })
      },
    )
  }
}
