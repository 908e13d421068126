import { describe, expect, it } from 'vitest'
import type { ProbeResult } from '../core/model/probe-facts'
import type { ScannedFile } from '../core/scan/scanned-file'
import { toScanRecord } from './scan-record'

const scanned = (fields: Partial<ScannedFile>): ScannedFile =>
  ({ path: '/d/a.jpg', relativePath: 'd/a.jpg', size: 10, mtimeMs: 0, status: 'ok', seq: 0, ...fields }) as ScannedFile

describe('toScanRecord', () => {
  it('leaves kind and mimeType null without a probe instead of guessing from the extension', () => {
    expect(toScanRecord(scanned({ mtimeMs: Date.UTC(2026, 0, 2) }))).toEqual({
      path: '/d/a.jpg',
      relativePath: 'd/a.jpg',
      status: 'ok',
      reason: null,
      kind: null,
      mimeType: null,
      extension: null,
      size: 10,
      modifiedAt: '2026-01-02T00:00:00.000Z',
      sha256: null,
      width: null,
      height: null,
      duration: null,
      orientation: null,
      codec: null,
      animated: false,
      duplicateOf: null,
      warnings: [],
      embedded: {
        title: null,
        description: null,
        creator: null,
        credit: null,
        copyright: null,
        keywords: null,
        dateTaken: null,
        gps: null,
      },
    })
  })

  it("carries every probe fact, and a damaged file as an error with the probe's reason", () => {
    const probe: ProbeResult = {
      size: 12,
      sha256: 'ab'.repeat(32),
      kind: 'image',
      mimeType: 'image/jpeg',
      extension: 'jpg',
      width: 30,
      height: 40,
      orientation: 6,
      warnings: [{ code: 'extension-mismatch', message: 'The name says .png…' }],
      embedded: { title: 'T', keywords: ['k'], gps: { latitude: 1, longitude: 2 } },
    }
    expect(toScanRecord(scanned({}), { probe, duplicateOf: 'd/first.jpg' })).toMatchObject({
      status: 'ok',
      kind: 'image',
      mimeType: 'image/jpeg',
      size: 12,
      sha256: 'ab'.repeat(32),
      width: 30,
      height: 40,
      orientation: 6,
      duplicateOf: 'd/first.jpg',
      warnings: [{ code: 'extension-mismatch' }],
      embedded: { title: 'T', description: null, keywords: ['k'], gps: { latitude: 1, longitude: 2 } },
    })
    const damaged = {
      ...probe,
      error: { code: 'truncated' as const, message: 'Truncated JPEG: …', canImportAsFile: true },
    }
    expect(toScanRecord(scanned({}), { probe: damaged })).toMatchObject({
      status: 'error',
      reason: 'Truncated JPEG: …',
    })
  })

  it('keeps the reason and reports an unknown modification time as null', () => {
    const record = toScanRecord(scanned({ status: 'error', reason: 'permission denied', size: 0 }))
    expect(record).toMatchObject({ status: 'error', reason: 'permission denied', modifiedAt: null })
  })
})
