/**
 * Backoff for transient failures (5xx, SlowDown, connection resets, stalls). Pure: the random
 * source comes in. "Full jitter" (a uniform delay between 0 and the exponential cap) spreads the
 * retries of many parallel parts, so a store that said SlowDown is not hit again in lockstep.
 */
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
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * cap)
}

export function shouldRetry(attempt: number, transient: boolean, policy: RetryPolicy): boolean {
  return transient && attempt < policy.maxAttempts
}
