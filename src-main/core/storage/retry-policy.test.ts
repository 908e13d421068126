import { describe, expect, it } from 'vitest'
import { backoffDelayMs, defaultRetryPolicy, resolveRetryPolicy } from './retry-policy'

describe('backoffDelayMs', () => {
  const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 3000 }

  it('doubles the cap with each attempt up to the maximum', () => {
    const top = (attempt: number): number => backoffDelayMs(attempt, policy, () => 0.999999)
    expect([1, 2, 3, 4, 5, 6, 7].map(top)).toEqual([99, 199, 399, 799, 1599, 2999, 2999])
  })

  it('jitters uniformly between 0 and the cap', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0)
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200)
    const samples = Array.from({ length: 200 }, () => backoffDelayMs(4, policy))
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...samples)).toBeLessThan(800)
    expect(new Set(samples).size).toBeGreaterThan(50)
  })
})

describe('resolveRetryPolicy', () => {
  it('fills defaults and rejects nonsense', () => {
    expect(resolveRetryPolicy(undefined)).toEqual(defaultRetryPolicy)
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError)
    expect(() => resolveRetryPolicy({ baseDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError)
  })
})
