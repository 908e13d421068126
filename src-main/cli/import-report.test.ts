import { describe, expect, it } from 'vitest'
import type { Row } from '../core/model/row'
import { importRecord, importSummary, importTableRow, isFailure } from './import-report'
import { filledRow } from '../../src-shared/rows/testing/example-rows'

const row = (over: Partial<Row>): Row =>
  filledRow({
    rowId: 'r',
    path: '/in/drop/a.jpg',
    relativePath: 'drop/a.jpg',
    size: 2048,
    mtimeMs: 0,
    status: 'uploaded',
    kind: 'image',
    mimeType: 'image/jpeg',
    entry: { id: 'e1', mediaType: 'image', metadata: {}, translations: {} },
    ...over,
  })

describe('import records', () => {
  it('reports an imported row with its ids and object', () => {
    const record = importRecord(
      row({
        status: 'imported',
        result: { mediaId: 'e1', record: {} },
        upload: { state: 'uploaded', bytesSent: 2048, bytesTotal: 2048, key: 'k.jpg', url: 'http://s3/k.jpg' },
      }),
    )
    expect(record).toEqual({
      relativePath: 'drop/a.jpg',
      path: '/in/drop/a.jpg',
      outcome: 'imported',
      status: 'imported',
      state: 'Imported',
      entryId: 'e1',
      mediaId: 'e1',
      mediaType: 'image',
      kind: 'image',
      mimeType: 'image/jpeg',
      size: 2048,
      key: 'k.jpg',
      url: 'http://s3/k.jpg',
    })
    expect(isFailure(record)).toBe(false)
  })

  it('names the field of every issue, and the reason of every other failure', () => {
    const issues = [{ field: 'metadata.rating', message: 'Rating must be at most 5.', source: 'client' as const }]
    const held = importRecord(row({ issues }))
    expect(held).toMatchObject({ outcome: 'needs-attention', reason: 'metadata.rating: Rating must be at most 5.' })
    // The app's words, in the table, the summary and --json alike: never "held-back".
    expect(held.state).toBe('Needs attention: Rating')
    expect(importSummary([held, held])).toBe('2 files: 2 need attention')
    expect(importTableRow(held)).toMatch(/^needs-attention /)
    expect(importRecord(row({ status: 'rejected', issues })).outcome).toBe('rejected')
    expect(importRecord(row({ status: 'unreadable', reason: 'Empty file' }))).toMatchObject({
      outcome: 'unreadable',
      reason: 'Empty file',
    })
    const upload = {
      state: 'failed' as const,
      bytesSent: 0,
      bytesTotal: 1,
      error: { code: 'network', message: 'offline', retryable: true },
    }
    expect(importRecord(row({ status: 'upload-failed', upload }))).toMatchObject({
      outcome: 'upload-failed',
      reason: 'offline',
    })
    expect(importRecord(row({ importFailure: { reason: '503 from Livingdocs', retryable: true } }))).toMatchObject({
      outcome: 'failed',
      state: 'Failed: 503 from Livingdocs',
      reason: '503 from Livingdocs',
      waysOut: ['resubmit'],
    })
    expect(isFailure(held)).toBe(true)
    expect(isFailure(importRecord(row({ status: 'skipped', reason: 'hidden file' })))).toBe(false)
  })

  it('prints a table row with the state and the reason under it, and a summary', () => {
    const issues = [{ field: 'metadata.title', message: 'Title is required.', source: 'server' as const }]
    const rejected = importRecord(row({ status: 'rejected', issues }))
    const indent = ' '.repeat(16)
    expect(importTableRow(rejected)).toBe(
      `${'rejected'.padEnd(14)}${'e1'.padEnd(34)}   2.0 kB  drop/a.jpg\n${indent}Needs attention: Title\n${indent}metadata.title: Title is required.`,
    )
    const imported = importRecord(row({ status: 'imported', result: { mediaId: 'e2', record: {} } }))
    const skipped = importRecord(row({ status: 'skipped' }))
    expect(importSummary([rejected, imported, skipped])).toBe('2 files: 1 rejected, 1 imported (1 skipped)')
  })

  it('reports a file already in the library apart from imported, with its entry, and not as a failure', () => {
    const inLibrary = { mediaId: 'm-7', createdAt: '2026-12-01T09:00:00.000Z', origin: 'file "a.jpg", imported by "x"' }
    const known = importRecord(row({ status: 'in-library', inLibrary }))
    expect(known).toMatchObject({ outcome: 'in-library', mediaId: 'm-7', inLibrary })
    expect(known.reason).toBe(
      'Already in the library as entry m-7 on 2026-12-01: file "a.jpg", imported by "x". Not uploaded, not submitted.',
    )
    expect(isFailure(known)).toBe(false)
    const imported = importRecord(row({ status: 'imported', result: { mediaId: 'e2', record: {} } }))
    expect(importSummary([known, imported, known])).toBe('3 files: 2 already in the library, 1 imported')
  })

  it('prints a file name and a server message with control characters as visible escapes', () => {
    // A CR would let the server's text overwrite the line; ESC [ 32m would paint it green.
    const importFailure = { reason: 'bad\r\x1b[32mimported', retryable: false }
    const failed = importRecord(row({ relativePath: 'drop/\x1b[2Ja.jpg', importFailure }))
    expect(importTableRow(failed)).toBe(
      `${'failed'.padEnd(14)}${'e1'.padEnd(34)}   2.0 kB  drop/\\x1b[2Ja.jpg\n${' '.repeat(16)}Failed: bad\\r\\x1b[32mimported`,
    )
    // The record itself (what --json prints) keeps the exact text.
    expect(failed.reason).toBe('bad\r\x1b[32mimported')
  })
})
