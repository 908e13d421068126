import { describe, expect, it } from 'vitest'
import { toScanRecord } from './scan-record'
import { formatBytes, scanTableHeader, scanTableRow } from './scan-table'

describe('formatBytes', () => {
  it('uses decimal units with one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(1500)).toBe('1.5 kB')
    expect(formatBytes(25_000_000)).toBe('25 MB')
    expect(formatBytes(3e15)).toBe('3000 TB')
  })
})

describe('scanTableRow', () => {
  it('lines columns up under the header and appends the reason', () => {
    const row = scanTableRow(
      toScanRecord({
        path: '/x/a/.DS_Store',
        relativePath: 'a/.DS_Store',
        status: 'skipped',
        reason: 'hidden file',
        size: 6148,
        mtimeMs: 0,
        seq: 0,
      }),
    )
    expect(row).toBe('skipped    6.1 kB  -     -                     a/.DS_Store  (hidden file)')
    expect(row.indexOf('a/.DS_Store')).toBe(scanTableHeader.indexOf('PATH'))
  })

  it('keeps a space between a long MIME type and the path', () => {
    const file = { path: '/x/r.docx', relativePath: 'r.docx', status: 'ok' as const, size: 10, mtimeMs: 0, seq: 0 }
    const mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    const row = scanTableRow(toScanRecord(file, { probe: { size: 10, kind: 'file', mimeType: mime, warnings: [] } }))
    expect(row).toContain(`${mime} r.docx`)
  })

  it('prints control characters in a file name as visible escapes, never raw', () => {
    const name = 'a\x1b]0;owned\x07\rok.jpg'
    const file = { path: `/x/${name}`, relativePath: name, status: 'ok' as const, size: 1, mtimeMs: 0, seq: 0 }
    const row = scanTableRow(toScanRecord(file))
    expect(row).toMatch(/a\\x1b\]0;owned\\x07\\rok\.jpg$/)
    for (const raw of ['\x1b', '\x07', '\r']) expect(row).not.toContain(raw)
  })
})
