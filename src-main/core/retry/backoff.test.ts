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
  it('spreads from 0 up to (never reaching) the ceiling, and ignores no Retry-After', () => {
    const full = { ...policy, jitter: 'full' as const }
    expect([0, 0.5, 0.999999].map((r) => retryDelay(3, full, () => r))).toEqual([0, 200, 399])
    expect(retryDelay(20, full, () => 0.999999)).toBe(999)
    expect(retryDelay(1, full, () => 0, 2_000)).toBe(2_000)
  })
})
