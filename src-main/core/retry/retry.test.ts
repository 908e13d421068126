import { describe, expect, it } from 'vitest'
import { abortableSleep, retry, type RetryOptions } from './retry'

class Failure extends Error {
  constructor(
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(retryable ? 'try again' : 'no')
  }
}

function options(slept: number[], extra: Partial<RetryOptions> = {}): RetryOptions {
  return {
    maxAttempts: 4,
    isRetryable: (err) => (err as Failure).retryable,
    retryAfterMs: (err) => (err as Failure).retryAfterMs,
    delayMs: (attempt, retryAfterMs) => retryAfterMs ?? attempt * 100,
    sleep: (ms) => {
      slept.push(ms)
      return Promise.resolve()
    },
    ...extra,
  }
}

/** An operation that fails with `failures` in turn, then answers 'ok'. */
function failing(...failures: Failure[]): (attempt: number) => Promise<string> {
  return (attempt) => {
    const failure = failures[attempt - 1]
    return failure ? Promise.reject(failure) : Promise.resolve('ok')
  }
}

describe('retry', () => {
  it('tries a retryable failure again after the backoff, and answers what the last attempt answered', async () => {
    const slept: number[] = []
    const retried: number[] = []
    const onRetry = (_: unknown, attempt: number): void => void retried.push(attempt)
    const run = failing(new Failure(true), new Failure(true))
    await expect(retry(run, options(slept, { onRetry }))).resolves.toBe('ok')
    expect(slept).toEqual([100, 200])
    expect(retried).toEqual([1, 2])
  })

  it('gives up at once on a failure that is not retryable, and after maxAttempts on one that is', async () => {
    const slept: number[] = []
    const permanent = new Failure(false)
    await expect(retry(failing(permanent), options(slept))).rejects.toBe(permanent)
    expect(slept).toEqual([])

    const giveUp = (err: unknown, attempts: number): Error => new Error(`${(err as Error).message} x${attempts}`)
    const run = failing(...Array.from({ length: 9 }, () => new Failure(true)))
    await expect(retry(run, options(slept, { giveUp }))).rejects.toThrow('try again x4')
    expect(slept).toEqual([100, 200, 300])
  })

  it('waits out a Retry-After up to the cap, and gives up on a longer one', async () => {
    const slept: number[] = []
    const run = failing(new Failure(true, 2_000), new Failure(true, 60_000))
    const late = retry(run, options(slept, { maxRetryAfterMs: 30_000 }))
    await expect(late).rejects.toMatchObject({ retryAfterMs: 60_000 })
    expect(slept).toEqual([2_000])
  })

  it('judges the error normalize makes of what was thrown', async () => {
    const slept: number[] = []
    const run = (attempt: number): Promise<string> =>
      attempt === 1 ? Promise.reject(new Error('reset')) : Promise.resolve('ok')
    const normalize = (caught: unknown): Failure => new Failure((caught as Error).message === 'reset')
    await expect(retry(run, options(slept, { normalize }))).resolves.toBe('ok')
  })

  it('ends with what isRetryable throws', async () => {
    const stop = new Error('cancelled')
    const isRetryable = (): boolean => {
      throw stop
    }
    await expect(retry(failing(new Failure(true)), options([], { isRetryable }))).rejects.toBe(stop)
  })
})

describe('abortableSleep', () => {
  it('waits, and ends at once with the reason when the signal aborts', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined()
    const controller = new AbortController()
    const started = Date.now()
    const sleeping = abortableSleep(10_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(sleeping).rejects.toThrow('stop')
    expect(Date.now() - started).toBeLessThan(1_000)
    await expect(abortableSleep(10, controller.signal, () => new Error('mine'))).rejects.toThrow('mine')
  })
})
