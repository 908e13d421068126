import { describe, expect, it } from 'vitest'
import type { ScanProgress } from '../../src-main/contract'
import { recordScan, summarise } from './scan-summary'

const scan = (scanId: string, change: Partial<ScanProgress> = {}): ScanProgress => ({
  scanId,
  state: 'running',
  files: 0,
  skipped: 0,
  errors: 0,
  ...change,
})

describe('recordScan', () => {
  it('replaces a scan by id and appends new ones', () => {
    let scans = recordScan([], scan('a', { files: 1 }))
    scans = recordScan(scans, scan('b'))
    scans = recordScan(scans, scan('a', { files: 5, state: 'done' }))
    expect(scans).toEqual([scan('a', { files: 5, state: 'done' }), scan('b')])
  })
})

describe('summarise', () => {
  it('is idle before any scan', () => {
    expect(summarise([])).toEqual({
      state: 'idle',
      files: 0,
      skipped: 0,
      errors: 0,
      skippedByReason: {},
      alreadyInImport: 0,
      runningIds: [],
    })
  })

  it('adds up the files dropped again that the import already had', () => {
    const summary = summarise([scan('a', { state: 'done', alreadyInImport: 12 }), scan('b', { state: 'done' })])
    expect(summary.alreadyInImport).toBe(12)
  })

  it('adds up counts across scans and stays running while any scan runs', () => {
    const summary = summarise([scan('a', { state: 'done', files: 3, skipped: 1 }), scan('b', { files: 2, errors: 1 })])
    expect(summary).toMatchObject({ state: 'running', files: 5, skipped: 1, errors: 1, runningIds: ['b'] })
  })

  it('adds up files read and skip reasons when scans report them', () => {
    const summary = summarise([
      scan('a', { files: 3, probed: 3, skipped: 2, skippedByReason: { hidden: 1, 'os-file': 1 } }),
      scan('b', { files: 4, probed: 1, skipped: 1, skippedByReason: { hidden: 1 } }),
    ])
    expect(summary).toMatchObject({ probed: 4, skippedByReason: { hidden: 2, 'os-file': 1 } })
    expect(summarise([scan('c')]).probed).toBeUndefined()
  })

  it('reports a failure and its message once nothing runs', () => {
    const summary = summarise([scan('a', { state: 'failed', message: 'EACCES' }), scan('b', { state: 'done' })])
    expect(summary).toMatchObject({ state: 'failed', message: 'EACCES', runningIds: [] })
  })

  it('takes the latest scan state otherwise', () => {
    expect(summarise([scan('a', { state: 'done' }), scan('b', { state: 'cancelled' })]).state).toBe('cancelled')
  })
})
