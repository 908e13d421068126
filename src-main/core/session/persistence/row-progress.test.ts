import { describe, expect, it } from 'vitest'
import type { Row } from '../../model/row'
import { isFailed, isSettled } from './row-progress'

const at = (status: Row['status'], probeError?: Row['probeError']) => ({
  status,
  ...(probeError ? { probeError } : {}),
})

describe('isSettled / isFailed', () => {
  it('settles imported and skipped rows, and empty files', () => {
    expect(isSettled(at('imported'))).toBe(true)
    expect(isSettled(at('skipped'))).toBe(true)
    const empty = at('unreadable', { code: 'empty', message: 'Empty file (0 bytes)', canImportAsFile: false })
    expect(isSettled(empty)).toBe(true)
    expect(isFailed(empty)).toBe(false)
  })

  it('leaves rows the editor can still act on open', () => {
    for (const status of ['scanned', 'probed', 'uploading', 'uploaded', 'submitting', 'rejected', 'conflict'] as const)
      expect(isSettled(at(status))).toBe(false)
    // A truncated file can still go as a plain file; a file the walk could not read is the editor's to fix.
    const truncated = at('unreadable', { code: 'truncated', message: 'truncated JPEG', canImportAsFile: true })
    expect(isSettled(truncated)).toBe(false)
    expect(isFailed(truncated)).toBe(true)
    expect(isFailed(at('unreadable'))).toBe(true)
    expect(isFailed(at('rejected'))).toBe(true)
  })
})
