/**
 * The submit loop: entries go out in batches bounded by count and bytes, at most `concurrency`
 * requests in flight. Per batch:
 * - 413: split in halves and send each; a single entry too large fails with the reason.
 * - 401/403, 404/410, an answer too large or of the wrong shape (`bad-answer`), cancel: the run
 *   stops; nothing else is sent; unsettled rows fail with the reason.
 * - 429, 5xx, timeouts, network errors, answers that are not JSON: retry with backoff + jitter, honouring
 *   Retry-After. If the failure was ambiguous (the server may have stored the batch), the batch is
 *   first reconciled with `GET /mediaLibrary?ids=` and only entries not found are sent again.
 * - An answer: each entry is imported, rejected, or looked up (see read-answer.ts, reconcile.ts).
 * Every entry ends with exactly one outcome.
 */
import type { ApiErrorKind, LivingdocsApiError } from '../livingdocs/errors'
import type { ImportEntry } from '../model/livingdocs'
import { Slots } from '../concurrency/slots'
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from '../retry/backoff'
import { planBatches, prepareEntry, splitBatch, type PreparedEntry } from './batching'
import { abortableSleep, asApiError, type ImportApi, type RetryRules } from './lookups'
import type { EntryOutcome } from '../model/outcome'
import { readAnswer } from './read-answer'
import { reconcileByIds, resolveExternalIdClashes } from './reconcile'

export interface SubmitOptions {
  api: ImportApi
  entries: readonly ImportEntry[]
  batchSize?: number
  batchBytes?: number
  /** Requests in flight at once; default 2. */
  concurrency?: number
  /** Sends per batch (and attempts per lookup) before its rows fail as retryable; default 6. */
  maxAttempts?: number
  backoff?: BackoffPolicy
  maxRetryAfterMs?: number
  signal?: AbortSignal
  random?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Called right before entries are sent: from here on their ids are fixed. */
  onAttempt?: (ids: readonly string[]) => void
  onOutcome?: (outcome: EntryOutcome) => void
  onRetry?: (info: { entries: number; attempt: number; delayMs: number; reason: string }) => void
}

export interface SubmitSummary {
  outcomes: Map<string, EntryOutcome>
  /** Set when the run stopped early (auth, version, cancel): what the editor must do. */
  stopped?: { kind: ApiErrorKind; message: string }
  requests: number
  retries: number
  splits: number
  lookups: number
}

interface Batch {
  entries: PreparedEntry[]
  attempt: number
  /** The last send may have been stored: look before sending again. */
  reconcileFirst: boolean
}

export function submitEntries(options: SubmitOptions): Promise<SubmitSummary> {
  return new SubmitRun(options).run()
}

class SubmitRun {
  /** Batches not yet taken; a split puts its halves at the front. */
  private readonly queue: Batch[] = []
  private stopError: LivingdocsApiError | undefined
  private readonly rules: RetryRules
  private readonly summary: SubmitSummary = { outcomes: new Map(), requests: 0, retries: 0, splits: 0, lookups: 0 }

  constructor(private readonly options: SubmitOptions) {
    this.rules = {
      maxAttempts: options.maxAttempts ?? 6,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 300_000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? abortableSleep,
      ...(options.signal ? { signal: options.signal } : {}),
    }
  }

  async run(): Promise<SubmitSummary> {
    const seen = new Set<string>()
    const unique: PreparedEntry[] = []
    for (const entry of this.options.entries) {
      if (seen.has(entry.id)) {
        this.settle({
          id: entry.id,
          status: 'failed',
          reason: `Another row in this submit has entry id "${entry.id}".`,
          retryable: false,
        })
        continue
      }
      seen.add(entry.id)
      unique.push(prepareEntry(entry))
    }
    const limits = { maxCount: this.options.batchSize, maxBytes: this.options.batchBytes }
    for (const entries of planBatches(unique, limits)) this.queue.push({ entries, attempt: 0, reconcileFirst: false })
    await this.dispatch(new Slots(Math.max(1, this.options.concurrency ?? 2)))
    if (this.stopError) this.summary.stopped = { kind: this.stopError.kind, message: this.stopError.message }
    return this.summary
  }

  /** Each free slot takes the batch at the head of the queue, until none is left and none is in flight. */
  private async dispatch(slots: Slots): Promise<void> {
    const running = new Set<Promise<void>>()
    for (;;) {
      const release = await slots.acquire()
      const batch = this.queue.shift()
      if (!batch) {
        release()
        if (running.size === 0) return
        // A batch in flight may still put halves back (a 413): wait for one to end and look again.
        await Promise.race(running)
        continue
      }
      const task: Promise<void> = this.process(batch)
        .catch((caught: unknown) => this.handleLookupFailure(batch.entries, asApiError(caught)))
        .finally(() => {
          release()
          running.delete(task)
        })
      running.add(task)
    }
  }

  private enqueueFront(...batches: Batch[]): void {
    this.queue.unshift(...batches)
  }

  private settle(outcome: EntryOutcome): void {
    if (this.summary.outcomes.has(outcome.id)) return
    this.summary.outcomes.set(outcome.id, outcome)
    this.options.onOutcome?.(outcome)
  }

  private failAll(entries: readonly PreparedEntry[], reason: string, retryable: boolean): void {
    for (const p of entries) this.settle({ id: p.entry.id, status: 'failed', reason, retryable })
  }

  private stop(err: LivingdocsApiError): void {
    this.stopError ??= err
  }

  private stopReason(): string {
    const err = this.stopError
    if (!err) return ''
    if (err.kind === 'cancelled')
      return 'The submit was cancelled before this row was sent or confirmed; re-submit to try again.'
    return `Not sent: ${err.message}`
  }

  /** A lookup failed: without it nothing may be sent again, so the rows fail (retryable) instead. */
  private handleLookupFailure(entries: readonly PreparedEntry[], err: LivingdocsApiError): void {
    if (err.stopsRun) {
      this.stop(err)
      return this.failAll(entries, this.stopReason(), true)
    }
    this.failAll(
      entries,
      `Could not confirm whether the server stored this entry (${err.message}); re-submit to check again — it will not be duplicated.`,
      true,
    )
  }

  private async sleep(ms: number): Promise<void> {
    await this.rules.sleep(ms, this.rules.signal)
  }

  private async reconcile(entries: readonly PreparedEntry[]): Promise<PreparedEntry[]> {
    this.summary.lookups++
    const { settled, absent } = await reconcileByIds(this.options.api, this.rules, entries)
    for (const outcome of settled) this.settle(outcome)
    return absent
  }

  private async process(batch: Batch): Promise<void> {
    let { entries, attempt, reconcileFirst } = batch
    for (;;) {
      if (this.stopError) return this.failAll(entries, this.stopReason(), true)
      if (reconcileFirst) {
        entries = await this.reconcile(entries)
        reconcileFirst = false
        if (entries.length === 0) return
      }
      attempt++
      this.options.onAttempt?.(entries.map((p) => p.entry.id))
      this.summary.requests++
      let items
      try {
        items = await this.options.api.importSerialized(
          entries.map((p) => p.json),
          this.rules.signal,
        )
      } catch (caught) {
        const err = asApiError(caught)
        if (err.stopsRun) {
          this.stop(err)
          // A bad answer to this very batch: the server may have stored it (an id it holds is
          // found on re-submit, see read-answer.ts), so "not sent" would be wrong for these rows.
          if (err.kind === 'bad-answer' && err.ambiguous) {
            const reason = `${err.message} Whether the server stored this entry is unknown: re-submit to check; it will not be duplicated.`
            return this.failAll(entries, reason, true)
          }
          return this.failAll(entries, this.stopReason(), true)
        }
        if (err.kind === 'too-large') return this.splitOrFail(entries)
        if (!err.retryable) return this.failAll(entries, err.message, false)
        if (err.ambiguous) reconcileFirst = true
        const waitTooLong = err.retryAfterMs !== undefined && err.retryAfterMs > this.rules.maxRetryAfterMs
        if (attempt >= this.rules.maxAttempts || waitTooLong) {
          if (reconcileFirst) entries = await this.reconcile(entries)
          return this.failAll(
            entries,
            `${err.message} Gave up after ${attempt} attempt(s); re-submit to try again.`,
            true,
          )
        }
        await this.backoff(entries.length, attempt, err.message, err.retryAfterMs)
        continue
      }

      const reading = readAnswer(entries, items)
      for (const outcome of reading.settled) this.settle(outcome)
      this.summary.lookups += reading.duplicateExternalId.length
      const clashes = await resolveExternalIdClashes(this.options.api, this.rules, reading.duplicateExternalId)
      for (const outcome of clashes.settled) this.settle(outcome)
      const open = [...reading.duplicateId, ...reading.unknown, ...clashes.absent]
      const resend = open.length > 0 ? await this.reconcile(open) : []
      if (resend.length === 0) return
      if (attempt >= this.rules.maxAttempts) {
        return this.failAll(
          resend,
          `The server gave no usable answer for this entry after ${attempt} attempt(s); re-submit to try again.`,
          true,
        )
      }
      entries = resend
      await this.backoff(entries.length, attempt, 'entries without a usable answer', undefined)
    }
  }

  private splitOrFail(entries: PreparedEntry[]): void {
    if (entries.length > 1) {
      this.summary.splits++
      const [first, second] = splitBatch(entries)
      return this.enqueueFront(
        { entries: first, attempt: 0, reconcileFirst: false },
        { entries: second, attempt: 0, reconcileFirst: false },
      )
    }
    this.failAll(
      entries,
      'This entry alone is larger than the server accepts in one request (413): shorten its metadata, or ask the Livingdocs admins to raise httpServer.maxRequestBodySize.',
      false,
    )
  }

  private async backoff(
    count: number,
    attempt: number,
    reason: string,
    retryAfterMs: number | undefined,
  ): Promise<void> {
    const delayMs = retryDelay(attempt, this.rules.backoff, this.rules.random, retryAfterMs)
    this.summary.retries++
    this.options.onRetry?.({ entries: count, attempt, delayMs, reason })
    await this.sleep(delayMs)
  }
}
