import { describe, expect, it } from 'vitest'
import type { Row } from '../../../src-main/contract'
import { toRow } from '../../../src-shared/rows/row-shape'
import { canRetryUpload, retryReason, uploadsToRetry } from './upload-retry'

const base = { rowId: 'r1', path: '/drop/a.jpg', relativePath: 'drop/a.jpg', size: 10, mtimeMs: 1 }
const failed = (message: string, retryable = true) =>
  ({ state: 'failed', bytesSent: 0, bytesTotal: 10, error: { code: 'source-missing', message, retryable } }) as const
/** A row whose main upload is `upload`, in the status the engine's report gave it. */
const withUpload = (upload: NonNullable<Row['upload']>): Row =>
  toRow({ ...base, status: upload.state === 'failed' ? 'upload-failed' : 'uploading', upload })

describe('upload retry', () => {
  it('offers Retry for a failed or cancelled main file, with the reason', () => {
    const row = withUpload(failed('"a.jpg" was moved or deleted since it was scanned. Put it back, then retry.'))
    expect(canRetryUpload(row)).toBe(true)
    expect(retryReason(row)).toMatch(/moved or deleted/)
    const cancelled = toRow({ ...base, status: 'probed', upload: { state: 'cancelled', bytesSent: 0, bytesTotal: 10 } })
    expect(retryReason(cancelled)).toBe('Upload cancelled.')
  })

  it('names the language of a per-locale file', () => {
    const row = toRow({
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
    })
    expect(uploadsToRetry(row)).toHaveLength(1)
    expect(retryReason(row)).toBe('fr: network')
  })

  it('offers nothing for uploads in flight, finished, imported rows or failures Retry cannot fix', () => {
    expect(canRetryUpload(withUpload({ state: 'uploading', bytesSent: 1, bytesTotal: 10 }))).toBe(false)
    expect(canRetryUpload(withUpload(failed('wrong profile', false)))).toBe(false)
    const imported = toRow({ ...base, status: 'imported', upload: failed('x'), result: { mediaId: 'm', record: {} } })
    expect(canRetryUpload(imported)).toBe(false)
  })
})
