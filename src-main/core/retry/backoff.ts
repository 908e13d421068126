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
  /**
   * 'equal' (the default): between half and all of the ceiling, so a retry never comes back at
   * once (Livingdocs requests). 'full': anywhere between 0 and the ceiling, which spreads the
   * retries of many parallel parts widest (S3 after a SlowDown).
   */
  jitter?: 'equal' | 'full'
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
  if (policy.jitter === 'full') return Math.floor(random() * ceiling)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
