import { describe, expect, it } from 'vitest'
import type { Row } from '../../../src-main/contract'
import { canRetryUpload, retryReason, uploadsToRetry } from './upload-retry'

const base: Row = {
  rowId: 'r1',
  path: '/drop/a.jpg',
  relativePath: 'drop/a.jpg',
  size: 10,
  mtimeMs: 1,
  status: 'upload-failed',
}
const failed = (message: string, retryable = true) =>
  ({ state: 'failed', bytesSent: 0, bytesTotal: 10, error: { code: 'source-missing', message, retryable } }) as const

describe('upload retry', () => {
  it('offers Retry for a failed or cancelled main file, with the reason', () => {
    const row = {
      ...base,
      upload: failed('"a.jpg" was moved or deleted since it was scanned. Put it back, then retry.'),
    }
    expect(canRetryUpload(row)).toBe(true)
    expect(retryReason(row)).toMatch(/moved or deleted/)
    const cancelled = {
      ...base,
      status: 'probed' as const,
      upload: { state: 'cancelled' as const, bytesSent: 0, bytesTotal: 10 },
    }
    expect(retryReason(cancelled)).toBe('Upload cancelled.')
  })

  it('names the language of a per-locale file', () => {
    const row: Row = {
      ...base,
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 10, bytesTotal: 10 },
      localeAssets: {
        fr: {
          path: '/drop/a-fr.jpg',
          size: 5,
          mtimeMs: 1,
          kind: 'image',
          mimeType: 'image/jpeg',
          extension: 'jpg',
          upload: failed('network'),
        },
      } as Row['localeAssets'],
    }
    expect(uploadsToRetry(row)).toHaveLength(1)
    expect(retryReason(row)).toBe('fr: network')
  })

  it('offers nothing for uploads in flight, finished, imported rows or failures Retry cannot fix', () => {
    expect(canRetryUpload({ ...base, upload: { state: 'uploading', bytesSent: 1, bytesTotal: 10 } })).toBe(false)
    expect(canRetryUpload({ ...base, upload: failed('wrong profile', false) })).toBe(false)
    expect(
      canRetryUpload({ ...base, upload: failed('x'), result: { mediaId: 'm', record: {} } as Row['result'] }),
    ).toBe(false)
  })
})
