import { describe, expect, it } from 'vitest'
import type { ScannedFile } from '../core/scan/scanned-file'
import { toScanRecord } from './scan-record'

const scanned = (fields: Partial<ScannedFile>): ScannedFile =>
  ({ path: '/d/a.jpg', relativePath: 'd/a.jpg', size: 10, mtimeMs: 0, status: 'ok', seq: 0, ...fields }) as ScannedFile

describe('toScanRecord', () => {
  it('leaves kind and mimeType null instead of guessing from the extension', () => {
    expect(toScanRecord(scanned({ mtimeMs: Date.UTC(2026, 0, 2) }))).toEqual({
      path: '/d/a.jpg',
      relativePath: 'd/a.jpg',
      status: 'ok',
      reason: null,
      kind: null,
      mimeType: null,
      size: 10,
      modifiedAt: '2026-01-02T00:00:00.000Z',
    })
  })

  it('keeps the reason and reports an unknown modification time as null', () => {
    const record = toScanRecord(scanned({ status: 'error', reason: 'permission denied', size: 0 }))
    expect(record).toMatchObject({ status: 'error', reason: 'permission denied', modifiedAt: null })
  })
})
