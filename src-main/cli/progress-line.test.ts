import { describe, expect, it } from 'vitest'
import { progressLine, type RunProgress } from './progress-line'

const base: RunProgress = {
  phase: 'uploading',
  files: 12,
  probed: 12,
  uploadedFiles: 5,
  uploadFiles: 12,
  bytesSent: 40_000_000,
  bytesTotal: 80_000_000,
  bytesPerSecond: 4_000_000,
  etaSeconds: 10,
  imported: 0,
  toImport: 0,
}

describe('progressLine', () => {
  it('shows each phase', () => {
    expect(progressLine({ ...base, phase: 'scanning', probed: 7 })).toBe(
      'Reading    12 files found, 7 read; uploading 40 MB of 80 MB  4.0 MB/s',
    )
    expect(progressLine(base)).toBe(
      'Uploading  [##########----------]  50%  40 MB of 80 MB  4.0 MB/s  10s left  (5/12 files)',
    )
    expect(progressLine({ ...base, phase: 'importing', imported: 3, toImport: 12 })).toBe(
      'Importing  [#####---------------]  25%  3/12 entries',
    )
  })

  it('never wraps on a narrow terminal', () => {
    const line = progressLine({ ...base, etaSeconds: 4000 }, 40)
    expect(line.length).toBeLessThan(40)
    expect(progressLine({ ...base, etaSeconds: 4000 })).toContain('1h06m left')
  })
})
