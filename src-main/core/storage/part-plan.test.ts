import { describe, expect, it } from 'vitest'
import { choosePartSize, planParts, S3_MAX_PARTS, S3_MIN_PART_SIZE, usesMultipart } from './part-plan'
import { DEFAULT_MIN_PART_SIZE } from './upload-engine'

const MiB = 1024 * 1024
const GiB = 1024 * MiB

describe('choosePartSize', () => {
  it('keeps the minimum for ordinary files', () => {
    expect(choosePartSize(100 * MiB, 8 * MiB)).toBe(8 * MiB)
    expect(choosePartSize(2 * GiB, DEFAULT_MIN_PART_SIZE)).toBe(16 * MiB)
  })

  it('never goes below S3 minimum of 5 MiB', () => {
    expect(choosePartSize(50 * MiB, 1 * MiB)).toBe(S3_MIN_PART_SIZE)
  })

  it('grows so that no file needs more than 10,000 parts', () => {
    for (const size of [80 * GiB, 100 * GiB + 1, 1024 * GiB, 5 * 1024 * GiB]) {
      const partSize = choosePartSize(size, DEFAULT_MIN_PART_SIZE)
      expect(Math.ceil(size / partSize)).toBeLessThanOrEqual(S3_MAX_PARTS)
      expect(partSize % MiB).toBe(0)
    }
    expect(choosePartSize(100 * GiB, 8 * MiB)).toBe(11 * MiB)
    expect(choosePartSize(200 * GiB, DEFAULT_MIN_PART_SIZE)).toBe(21 * MiB)
  })

  it('refuses objects beyond 5 TiB', () => {
    expect(() => choosePartSize(5 * 1024 * GiB + 1, DEFAULT_MIN_PART_SIZE)).toThrow(RangeError)
  })
})

describe('planParts', () => {
  it('covers the file exactly, last part short', () => {
    const parts = planParts(20 * MiB + 3, 8 * MiB)
    expect(parts).toEqual([
      { partNumber: 1, start: 0, end: 8 * MiB },
      { partNumber: 2, start: 8 * MiB, end: 16 * MiB },
      { partNumber: 3, start: 16 * MiB, end: 20 * MiB + 3 },
    ])
  })

  it('gives one part for an exact multiple boundary and for an empty file', () => {
    expect(planParts(16 * MiB, 8 * MiB)).toHaveLength(2)
    expect(planParts(0, 8 * MiB)).toEqual([{ partNumber: 1, start: 0, end: 0 }])
  })

  it('refuses a plan over 10,000 parts', () => {
    expect(() => planParts(10_001 * 5 * MiB, 5 * MiB)).toThrow(RangeError)
  })
})

describe('usesMultipart', () => {
  it('switches at the threshold', () => {
    expect(usesMultipart(8 * MiB - 1, 8 * MiB)).toBe(false)
    expect(usesMultipart(8 * MiB, 8 * MiB)).toBe(true)
  })
})
