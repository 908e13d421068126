/**
 * Runs one S3 request through the one retry loop (`core/retry/retry.ts`) with the engine's retry
 * policy: a request slot per attempt (a backoff sleep holds no slot), a fresh body per attempt (the
 * operation builds it), and the attempts counted so the final message can say how hard we tried.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Slots } from '../concurrency/slots'
import { retry } from '../retry/retry'
import { isAbort } from './classify-error'
import { backoffDelayMs } from './retry-policy'
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

export function withS3Retries<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, signal } = options
  return retry((attempt) => options.slots.run(() => operation(attempt), signal), {
    maxAttempts: policy.maxAttempts,
    isRetryable: (err) => {
      // A cancelled upload is not a failed one: it ends with the abort, never as RequestFailed.
      if (signal.aborted || isAbort(err)) throw signal.reason ?? err
      return options.isTransient(err)
    },
    delayMs: (attempt) => backoffDelayMs(attempt, policy, options.random),
    sleep: (ms) => sleep(ms, undefined, { signal }),
    signal,
    giveUp: (err, attempts) => new RequestFailed(err, attempts),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  })
}
