import { describe, expect, it } from 'vitest'
import { retryDelay } from './backoff'

const policy = { baseMs: 100, maxMs: 1_000 }

describe('retryDelay', () => {
  it('grows exponentially between half and all of the ceiling', () => {
    expect(retryDelay(1, policy, () => 0)).toBe(50)
    expect(retryDelay(1, policy, () => 1)).toBe(100)
    expect(retryDelay(2, policy, () => 0)).toBe(100)
    expect(retryDelay(3, policy, () => 1)).toBe(400)
  })

  it('never exceeds the maximum', () => {
    expect(retryDelay(20, policy, () => 1)).toBe(1_000)
    expect(retryDelay(20, policy, () => 0)).toBe(500)
  })

  it('honours Retry-After, adding jitter on top only', () => {
    expect(retryDelay(1, policy, () => 0, 2_000)).toBe(2_000)
    expect(retryDelay(5, policy, () => 1, 2_000)).toBe(2_100)
    expect(retryDelay(1, policy, () => 0.5, 0)).toBe(50)
  })

  it('spreads retries of simultaneous failures', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(3, policy)))
    expect(delays.size).toBeGreaterThan(1)
  })
})

describe('retryDelay with full jitter', () => {
  const full = { baseMs: 100, maxMs: 3000, jitter: 'full' as const }

  it('doubles the ceiling with each attempt up to the maximum', () => {
    const top = (attempt: number): number => retryDelay(attempt, full, () => 0.999999)
    expect([1, 2, 3, 4, 5, 6, 7].map(top)).toEqual([99, 199, 399, 799, 1599, 2999, 2999])
  })

  it('spreads uniformly between 0 and the ceiling', () => {
    expect(retryDelay(3, full, () => 0)).toBe(0)
    expect(retryDelay(3, full, () => 0.5)).toBe(200)
    const samples = Array.from({ length: 200 }, () => retryDelay(4, full))
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...samples)).toBeLessThan(800)
    expect(new Set(samples).size).toBeGreaterThan(50)
  })
})
