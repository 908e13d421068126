import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { formatKind, formatSize, formatStatus, statusTooltip } from './format'
import { toRow } from '../../src-shared/rows/row-shape'

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1536, '1.5 kB'],
    [9_949, '9.9 kB'],
    [12_345, '12 kB'],
    [999_499, '999 kB'],
    [999_500, '1 MB'],
    [2_500_000, '2.5 MB'],
    [4_700_000_000, '4.7 GB'],
  ])('%i bytes reads %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text)
  })

  it('never shows a nonsense number', () => {
    expect(formatSize(-1)).toBe('—')
    expect(formatSize(Number.NaN)).toBe('—')
  })
})

describe('formatStatus', () => {
  const row = (change: Partial<Row>): Row =>
    toRow({
      rowId: 'r',
      path: '/d/a.jpg',
      relativePath: 'd/a.jpg',
      size: 1,
      mtimeMs: 0,
      status: 'probed',
      ...change,
    })
  const uploaded = { state: 'uploaded', bytesSent: 1, bytesTotal: 1, key: 'k', url: 'http://s/k' } as const

  it('names the state in words and adds the cause when there is one', () => {
    expect(formatStatus(row({ status: 'scanned' }))).toBe('Reading')
    expect(formatStatus(row({ status: 'unreadable', reason: 'Permission denied.' }))).toBe(
      'Cannot be read: Permission denied.',
    )
    const error = { code: 'network', message: 'Timed out.', retryable: true }
    expect(formatStatus(row({ status: 'upload-failed', upload: { ...uploaded, state: 'failed', error } }))).toBe(
      'Upload failed: Timed out.',
    )
  })

  it('says which entry already holds a file, since when and where it came from', () => {
    const inLibrary = {
      mediaId: 'm-1',
      createdAt: '2026-12-01T09:00:00.000Z',
      origin: 'file "a.jpg", imported by "archive"',
    }
    expect(formatStatus(row({ status: 'in-library', inLibrary }))).toBe(
      'Already in the library: entry m-1 of 2026-12-01',
    )
    expect(statusTooltip(row({ status: 'in-library', inLibrary }))).toBe(
      'Already in the library as entry m-1 of 2026-12-01: file "a.jpg", imported by "archive". Not uploaded, not submitted. Media id m-1.',
    )
  })

  it("warns when a row with the editor's own externalId holds bytes the library has as another entry", () => {
    const contentMatch = { mediaId: 'm-2', origin: 'file "b.jpg"' }
    expect(formatStatus(row({ status: 'uploaded', upload: uploaded, contentMatch }))).toBe(
      'Ready (the library also holds this file as entry m-2)',
    )
  })

  it('says Paused for an upload held by Pause, the percentage otherwise', () => {
    const upload = (state: 'paused' | 'uploading') => ({ state, bytesSent: 5, bytesTotal: 10 })
    expect(formatStatus(row({ status: 'uploading', upload: upload('paused') }))).toBe('Paused')
    expect(formatStatus(row({ status: 'uploading', upload: upload('uploading') }))).toBe('Uploading 50 %')
  })

  // Issue #17: both rows read "Uploaded" before.
  it('says Failed with the reason after a failed submit, and Needs attention for an invalid cell', () => {
    const importFailure = { reason: 'Server unavailable (503). Gave up after 6 attempt(s).', retryable: true }
    expect(formatStatus(row({ status: 'uploaded', upload: uploaded, importFailure }))).toBe(
      'Failed: Server unavailable (503). (6 tries)',
    )
    const issues = [{ field: 'metadata.title', message: 'Title is required.', source: 'client' as const }]
    expect(formatStatus(row({ status: 'uploaded', upload: uploaded, issues }))).toBe('Needs attention: Title')
    expect(formatStatus(row({ status: 'uploaded', upload: uploaded }))).toBe('Ready')
  })
})

describe('statusTooltip', () => {
  it('gives the cause in full, the tries and what to do', () => {
    const row: Row = toRow({
      rowId: 'r',
      path: '/d/a.jpg',
      relativePath: 'd/a.jpg',
      size: 1,
      mtimeMs: 0,
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 },
      importFailure: { reason: 'Server unavailable (503). Gave up after 6 attempt(s).', retryable: true },
    })
    expect(statusTooltip(row)).toBe('Server unavailable (503). Gave up after 6 attempt(s). What to do: Re-submit.')
    expect(statusTooltip({ ...row, importFailure: undefined })).toBeUndefined()
    const linked = toRow({
      ...row,
      status: 'imported',
      importFailure: undefined,
      result: { mediaId: 'm-1', record: { linked: true } },
    })
    expect(statusTooltip(linked)).toBe('Media id m-1.')
  })
})

describe('formatKind', () => {
  it('labels known kinds, and tells "not read yet" from "cannot be read"', () => {
    expect(formatKind('image', 'probed')).toBe('Image')
    expect(formatKind(undefined, 'scanned')).toBe('Not detected yet')
    expect(formatKind(undefined, 'unreadable')).toBe('Unknown')
    expect(formatKind(undefined, 'skipped')).toBe('Unknown')
  })
})
