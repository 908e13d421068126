/**
 * Lookups the importer makes around a submit, with their own retries: a `GET` can be repeated
 * safely, unlike the import itself. Also the test for "this library entry is the one we sent".
 */
import type { LivingdocsClient } from '../livingdocs/client'
import { LivingdocsApiError } from '../livingdocs/errors'
import type { ImportEntry, LibraryEntry } from '../model/livingdocs'
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from '../retry/backoff'
import { abortableSleep as sleepUnlessAborted, retry } from '../retry/retry'

export type ImportApi = Pick<
  LivingdocsClient,
  'importSerialized' | 'getEntriesByIds' | 'findByExternalId' | 'findByExternalIds'
>

export interface RetryRules {
  maxAttempts: number
  backoff: BackoffPolicy
  /** A `Retry-After` longer than this is not waited out: the row fails and can be re-submitted later. */
  maxRetryAfterMs: number
  random: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  signal?: AbortSignal
}

/** Rules for a kind of lookup: its limits, the default backoff and sleep, the signal, then any overrides. */
export function lookupRules(
  limits: Pick<RetryRules, 'maxAttempts' | 'maxRetryAfterMs'>,
  signal?: AbortSignal,
  overrides: Partial<RetryRules> = {},
): RetryRules {
  return {
    backoff: DEFAULT_BACKOFF,
    random: Math.random,
    sleep: abortableSleep,
    ...limits,
    ...(signal ? { signal } : {}),
    ...overrides,
  }
}

/** A backoff sleep that a cancelled submit ends at once, as 'cancelled'. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return sleepUnlessAborted(ms, signal, () => new LivingdocsApiError('cancelled', 'The submit was cancelled.'))
}

/** Anything thrown that is not already typed is a network-level surprise. */
export function asApiError(err: unknown): LivingdocsApiError {
  if (err instanceof LivingdocsApiError) return err
  const message = err instanceof Error ? err.message : String(err)
  return new LivingdocsApiError('network', `Unexpected failure talking to Livingdocs: ${message}`, {
    retryable: true,
    ambiguous: true,
    cause: err,
  })
}

/** Runs an idempotent request through the one retry loop (`core/retry/retry.ts`). */
export function retryLookup<T>(run: () => Promise<T>, rules: RetryRules): Promise<T> {
  return retry(run, {
    maxAttempts: rules.maxAttempts,
    normalize: asApiError,
    isRetryable: (err) => (err as LivingdocsApiError).retryable,
    retryAfterMs: (err) => (err as LivingdocsApiError).retryAfterMs,
    maxRetryAfterMs: rules.maxRetryAfterMs,
    delayMs: (attempt, retryAfterMs) => retryDelay(attempt, rules.backoff, rules.random, retryAfterMs),
    sleep: rules.sleep,
    ...(rules.signal ? { signal: rules.signal } : {}),
  })
}

/** The entry the library holds under our id is the one we sent (same asset key where both are known). */
export function isOurs(sent: ImportEntry, found: LibraryEntry): boolean {
  if (found.id !== sent.id) return false
  return found.assetKey === undefined || found.assetKey === sent.asset.key
}
