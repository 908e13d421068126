/**
 * Runs one S3 request with the retry policy: a request slot per attempt (a backoff sleep holds
 * no slot), a fresh body per attempt (the operation builds it), and the attempts counted so the
 * final message can say how hard we tried.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { isAbort } from './classify-error'
import type { Slots } from '../concurrency/slots'
import { backoffDelayMs, shouldRetry } from './retry-policy'
import type { RetryPolicy } from './types'

/** The last error of a request that will not be retried, with the number of attempts made. */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed'
  constructor(
    override readonly cause: unknown,
    readonly attempts: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause))
  }
}

export interface RetryOptions {
  policy: RetryPolicy
  slots: Slots
  signal: AbortSignal
  isTransient: (err: unknown) => boolean
  /** Called before each backoff; e.g. to take back the progress of a failed part. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void
  random?: () => number
}

export async function withRetries<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.slots.run(() => operation(attempt), options.signal)
    } catch (err) {
      if (options.signal.aborted || isAbort(err)) throw options.signal.reason ?? err
      if (!shouldRetry(attempt, options.isTransient(err), options.policy)) throw new RequestFailed(err, attempt)
      const delayMs = backoffDelayMs(attempt, options.policy, options.random)
      options.onRetry?.(err, attempt, delayMs)
      await sleep(delayMs, undefined, { signal: options.signal })
    }
  }
}
