/**
 * How long to wait before retrying. Exponential with jitter so that two workers (or two
 * editors' machines) that failed together do not retry together; a server's `Retry-After`
 * wins over our own guess. Pure: randomness is passed in.
 */
export interface BackoffPolicy {
  /** First delay before jitter. */
  baseMs: number
  /** No computed delay exceeds this. */
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 }

/**
 * Delay before retry number `attempt` (1 = the first retry). With `retryAfterMs` the server's
 * wish is honoured and only a little jitter is added on top, never taken off.
 */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.round(random() * Math.min(1000, policy.baseMs))
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1))
  // "Equal jitter": at least half the ceiling, so retries never come back immediately.
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
