import { describe, expect, it } from 'vitest'
import { deprecationWarning, resolveVersion, wrapList } from './versions'

describe('resolveVersion', () => {
  it('accepts every documented date version as itself', () => {
    for (const v of ['2025-03', '2025-11', '2026-01', '2026-07']) {
      expect(resolveVersion(v)).toEqual({ kind: 'supported', requested: v, effective: v })
    }
  })

  it('treats v1 and beta as 2025-03', () => {
    expect(resolveVersion('v1')).toEqual({ kind: 'supported', requested: 'v1', effective: '2025-03' })
    expect(resolveVersion('beta')).toEqual({ kind: 'supported', requested: 'beta', effective: '2025-03' })
  })

  it('answers removed for date versions older than 2025-03', () => {
    expect(resolveVersion('2025-01').kind).toBe('removed')
    expect(resolveVersion('2020-12').kind).toBe('removed')
  })

  it('answers unknown for even months, future versions and other words', () => {
    for (const v of ['2025-04', '2026-09', '2030-01', 'v2', 'latest', '2025-13', '']) {
      expect(resolveVersion(v).kind).toBe('unknown')
    }
  })
})

describe('wrapList', () => {
  it('uses results from 2026-01 on', () => {
    expect(wrapList('2026-01', [1], 'bare-array')).toEqual({ results: [1] })
  })

  it('uses mediaLibraryEntries or a bare array up to 2025-11', () => {
    expect(wrapList('2025-11', [1], 'wrapped')).toEqual({ mediaLibraryEntries: [1] })
    expect(wrapList('2025-03', [1], 'bare-array')).toEqual([1])
  })
})

describe('deprecationWarning', () => {
  it('warns on 2025-03 and its aliases v1 and beta (deprecated 2026-11), not on newer versions', () => {
    expect(deprecationWarning('v1', '2025-03')).toBe(
      '299 - "API version v1 is deprecated since 2026-11 and will be removed in 2027-05"',
    )
    expect(deprecationWarning('2025-03', '2025-03')).toMatch(/^299 - "API version 2025-03 is deprecated/)
    expect(deprecationWarning('2025-05', '2025-05')).toBeUndefined()
  })
})
