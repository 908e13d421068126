/**
 * Lookups the importer makes around a submit, with their own retries: a `GET` can be repeated
 * safely, unlike the import itself. Also the test for "this library entry is the one we sent".
 */
import type { LivingdocsClient } from '../livingdocs/client'
import { LivingdocsApiError } from '../livingdocs/errors'
import type { ImportEntry, LibraryEntry } from '../livingdocs/types'
import { retryDelay, type BackoffPolicy } from './backoff'

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

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LivingdocsApiError('cancelled', 'The submit was cancelled.'))
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new LivingdocsApiError('cancelled', 'The submit was cancelled.'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
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

/** Runs an idempotent request, retrying what can be retried. */
export async function withRetries<T>(run: () => Promise<T>, rules: RetryRules): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (caught) {
      const err = asApiError(caught)
      if (!err.retryable || attempt >= rules.maxAttempts) throw err
      if (err.retryAfterMs !== undefined && err.retryAfterMs > rules.maxRetryAfterMs) throw err
      await rules.sleep(retryDelay(attempt, rules.backoff, rules.random, err.retryAfterMs), rules.signal)
    }
  }
}

/** The entry the library holds under our id is the one we sent (same asset key where both are known). */
export function isOurs(sent: ImportEntry, found: LibraryEntry): boolean {
  if (found.id !== sent.id) return false
  return found.assetKey === undefined || found.assetKey === sent.asset.key
}
