import { describe, expect, it } from 'vitest'
import { emptyCounts } from '../store/row-class'
import { countsSentence } from './CountsBar'
import { hostOf } from './SandboxBanner'
import { describeReport } from './SubmitBar'

describe('the words around the grid', () => {
  it('names the Livingdocs host of a real server', () => {
    expect(hostOf('https://newsroom.livingdocs.io/')).toBe('newsroom.livingdocs.io')
    expect(hostOf('http://127.0.0.1:9000')).toBe('127.0.0.1:9000')
    expect(hostOf('not a url')).toBe('not a url')
    expect(hostOf(undefined)).toBe('an unknown server')
  })

  it('says rows not sent in plain words, never "held back"', () => {
    const report = {
      considered: 3,
      imported: 1,
      rejected: 0,
      conflicts: 0,
      failed: 0,
      heldBack: 2,
      unconfirmed: 0,
    } as Parameters<typeof describeReport>[0]
    const text = describeReport(report)
    expect(text).toBe('1 imported, 2 not sent yet: see the errors on their rows.')
    expect(text).not.toMatch(/held/i)
  })

  it('puts the counts in a sentence for screen readers', () => {
    expect(countsSentence(emptyCounts())).toBe('No rows in this session yet.')
    expect(countsSentence({ ...emptyCounts(), ready: 3, failed: 1 })).toBe('Rows: 3 ready, 1 failed.')
  })
})
