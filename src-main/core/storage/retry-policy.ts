/**
 * The engine's retry policy for transient failures (5xx, SlowDown, connection resets, stalls).
 * The backoff is the one in `core/retry/backoff.ts` with "full jitter" (a uniform delay between
 * 0 and the exponential cap): it spreads the retries of many parallel parts, so a store that said
 * SlowDown is not hit again in lockstep.
 */
import { retryDelay } from '../retry/backoff'
import type { RetryPolicy } from './types'

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 20_000 }

export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...defaultRetryPolicy, ...partial }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new RangeError('maxAttempts must be >= 1.')
  if (policy.baseDelayMs < 0 || policy.maxDelayMs < policy.baseDelayMs) throw new RangeError('Bad retry delays.')
  return policy
}

/** Delay before attempt `attempt + 1`, where `attempt` (1-based) is the one that just failed. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return retryDelay(attempt, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, jitter: 'full' }, random)
}
