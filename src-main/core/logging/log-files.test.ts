import { describe, expect, it } from 'vitest'
import { dayOf, filesToPrune, logFileName, parseLogFileName } from './log-files'

describe('log file names', () => {
  it('round-trips day and part', () => {
    expect(logFileName({ day: '2026-01-31', part: 0 })).toBe('media-import-2026-01-31.ndjson')
    expect(logFileName({ day: '2026-01-31', part: 3 })).toBe('media-import-2026-01-31.3.ndjson')
    expect(parseLogFileName('media-import-2026-01-31.3.ndjson')).toEqual({ day: '2026-01-31', part: 3 })
    expect(parseLogFileName('media-import-2026-01-31.ndjson')).toEqual({ day: '2026-01-31', part: 0 })
    expect(parseLogFileName('notes.txt')).toBeUndefined()
    expect(parseLogFileName('media-import-2026-1-31.ndjson')).toBeUndefined()
  })

  it('names the local day', () => {
    expect(dayOf(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})

describe('filesToPrune', () => {
  const file = (name: string, size = 10) => ({ name, size })
  const limits = { maxDays: 2, maxTotalBytes: 1000 }

  it('deletes days beyond maxDays, oldest first, and leaves foreign files alone', () => {
    const files = [
      file('media-import-2026-01-01.ndjson'),
      file('media-import-2026-01-02.ndjson'),
      file('media-import-2026-01-02.1.ndjson'),
      file('media-import-2026-01-03.ndjson'),
      file('readme.txt'),
    ]
    expect(filesToPrune(files, '2026-01-03', limits)).toEqual(['media-import-2026-01-01.ndjson'])
  })

  it('deletes the oldest files until the rest fit the size limit, never the current one', () => {
    const files = [
      file('media-import-2026-01-02.ndjson', 600),
      file('media-import-2026-01-03.ndjson', 300),
      file('media-import-2026-01-03.1.ndjson', 300),
    ]
    expect(filesToPrune(files, '2026-01-03', limits, 'media-import-2026-01-03.1.ndjson')).toEqual([
      'media-import-2026-01-02.ndjson',
    ])
    const huge = [file('media-import-2026-01-03.ndjson', 5000)]
    expect(filesToPrune(huge, '2026-01-03', limits, 'media-import-2026-01-03.ndjson')).toEqual([])
  })

  it('keeps files dated in the future (a clock set wrong) instead of guessing', () => {
    const files = [file('media-import-2030-01-01.ndjson'), file('media-import-2026-01-03.ndjson')]
    expect(filesToPrune(files, '2026-01-03', { maxDays: 1, maxTotalBytes: 1000 })).toEqual([])
  })
})
