/**
 * The one retry loop: the S3 requests of the upload engine (`core/storage/with-retries.ts`) and
 * the idempotent Livingdocs lookups (`core/importer/lookups.ts`) both run through it. A failure the
 * caller calls retryable is tried again after a backoff (`backoff.ts`, exponential with jitter) or
 * after the server's `Retry-After`, unless that asks for longer than the caller will wait; the
 * sleep in between ends at once when the signal aborts.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Whether this failure may be tried again. Throwing here ends the loop with what it throws. */
  isRetryable: (err: unknown) => boolean
  /** The delay before attempt `attempt + 1` (`attempt` just failed), given the server's wish if any. */
  delayMs: (attempt: number, retryAfterMs: number | undefined) => number
  /** The server's `Retry-After` for this failure, if it said one. */
  retryAfterMs?: (err: unknown) => number | undefined
  /** A `Retry-After` longer than this is not waited out: the loop gives up. Default: no limit. */
  maxRetryAfterMs?: number
  /** Default `abortableSleep`. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  signal?: AbortSignal
  /** Called before each backoff; e.g. to take back the progress of a failed part. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void
  /** Turns what an attempt threw into the error judged and thrown (e.g. a typed API error). */
  normalize?: (caught: unknown) => unknown
  /** The error thrown when giving up after `attempts`; default the failure itself. */
  giveUp?: (err: unknown, attempts: number) => unknown
}

export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (caught) {
      const err = options.normalize ? options.normalize(caught) : caught
      const retryAfterMs = options.retryAfterMs?.(err)
      const waitTooLong = retryAfterMs !== undefined && retryAfterMs > (options.maxRetryAfterMs ?? Infinity)
      if (!options.isRetryable(err) || attempt >= options.maxAttempts || waitTooLong) {
        throw options.giveUp ? options.giveUp(err, attempt) : err
      }
      const delayMs = options.delayMs(attempt, retryAfterMs)
      options.onRetry?.(err, attempt, delayMs)
      await (options.sleep ?? abortableSleep)(delayMs, options.signal)
    }
  }
}

/** Waits `ms`; rejects with `reason()` (default the signal's reason) as soon as the signal aborts. */
export function abortableSleep(
  ms: number,
  signal?: AbortSignal,
  reason: () => unknown = () => signal?.reason,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(reason())
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(reason())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
