import { describe, expect, it } from 'vitest'
import { BufferPool } from './buffer-pool'

const MiB = 1024 * 1024

describe('BufferPool', () => {
  it('rounds capacities up to whole MiB', () => {
    expect(BufferPool.capacityFor(0)).toBe(MiB)
    expect(BufferPool.capacityFor(MiB)).toBe(MiB)
    expect(BufferPool.capacityFor(MiB + 1)).toBe(2 * MiB)
  })

  it('hands a returned buffer out again for the same capacity only', () => {
    const pool = new BufferPool(4 * MiB)
    const a = pool.take(MiB)
    pool.give(a)
    expect(pool.size).toBe(MiB)
    expect(pool.take(2 * MiB)).not.toBe(a)
    expect(pool.take(MiB)).toBe(a)
    expect(pool.size).toBe(0)
  })

  it('keeps no more than its limit and refuses views into other memory', () => {
    const pool = new BufferPool(2 * MiB)
    pool.give(pool.take(2 * MiB).subarray(0, MiB))
    expect(pool.size).toBe(0)
    const fresh = [Buffer.allocUnsafeSlow(MiB), Buffer.allocUnsafeSlow(MiB), Buffer.allocUnsafeSlow(MiB)]
    for (const b of fresh) pool.give(b)
    expect(pool.size).toBe(2 * MiB)
  })
})
