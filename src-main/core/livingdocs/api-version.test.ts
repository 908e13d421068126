import { describe, expect, it } from 'vitest'
import { apiVersionCandidates, apiVersionProblem, isApiVersion } from './api-version'

describe('isApiVersion', () => {
  it('accepts odd months from 2025-03 on', () => {
    expect(isApiVersion('2025-03')).toBe(true)
    expect(isApiVersion('2026-07')).toBe(true)
    expect(isApiVersion('2031-11')).toBe(true)
  })

  it('accepts v1 and beta, the named versions (v1 is all a server before 2025-03 has)', () => {
    expect(isApiVersion('v1')).toBe(true)
    expect(isApiVersion('beta')).toBe(true)
    expect(isApiVersion('v2')).toBe(false)
  })

  it('rejects even months, older versions and other spellings', () => {
    expect(isApiVersion('2026-04')).toBe(false)
    expect(isApiVersion('2025-01')).toBe(false)
    expect(isApiVersion('2024-11')).toBe(false)
    expect(isApiVersion('release-2026-05')).toBe(false)
    expect(isApiVersion('2026-13')).toBe(false)
  })
})

describe('apiVersionProblem', () => {
  it('is silent for auto and real versions and says what to use otherwise', () => {
    expect(apiVersionProblem('auto')).toBeUndefined()
    expect(apiVersionProblem('2026-05')).toBeUndefined()
    expect(apiVersionProblem('v1')).toBeUndefined()
    expect(apiVersionProblem('latest')).toMatch(/use "auto"/)
  })
})

describe('apiVersionCandidates', () => {
  it('lists odd months newest first, looking two months ahead, down to 2025-03, then v1', () => {
    const list = apiVersionCandidates(new Date('2026-08-07T00:00:00Z'))
    expect(list[0]).toBe('2026-09')
    expect(list).toContain('2026-07')
    expect(list.at(-2)).toBe('2025-03')
    expect(list.at(-1)).toBe('v1')
    expect(list).toHaveLength(11)
    const dates = list.slice(0, -1)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('rolls over the year end', () => {
    expect(apiVersionCandidates(new Date('2026-11-26T00:00:00Z')).slice(0, 3)).toEqual([
      '2027-01',
      '2026-11',
      '2026-09',
    ])
    expect(apiVersionCandidates(new Date('2026-12-01T00:00:00Z'))[0]).toBe('2027-01')
  })

  it('starts no earlier than the newest documented version when the clock is behind', () => {
    const list = apiVersionCandidates(new Date('2020-01-01T00:00:00Z'))
    expect(list[0]).toBe('2026-09')
    expect(list.at(-1)).toBe('v1')
  })
})
