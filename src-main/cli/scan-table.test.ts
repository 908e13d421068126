import { describe, expect, it } from 'vitest'
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
    const row = scanTableRow({
      path: '/x/a/.DS_Store',
      relativePath: 'a/.DS_Store',
      status: 'skipped',
      reason: 'hidden file',
      kind: null,
      mimeType: null,
      size: 6148,
      modifiedAt: null,
    })
    expect(row).toBe('skipped    6.1 kB  -     -                     a/.DS_Store  (hidden file)')
    expect(row.indexOf('a/.DS_Store')).toBe(scanTableHeader.indexOf('PATH'))
  })
})
