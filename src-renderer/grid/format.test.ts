import { describe, expect, it } from 'vitest'
import { formatKind, formatSize, formatStatus } from './format'

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
  it('names the status in words and adds the reason when there is one', () => {
    expect(formatStatus({ status: 'scanned' })).toBe('Scanned')
    expect(formatStatus({ status: 'unreadable', reason: 'permission denied' })).toBe('Unreadable: permission denied')
    expect(formatStatus({ status: 'upload-failed', reason: 'timeout' })).toBe('Upload failed: timeout')
  })

  it('says which entry already holds a file, since when and where it came from', () => {
    const inLibrary = {
      mediaId: 'm-1',
      createdAt: '2026-12-01T09:00:00.000Z',
      origin: 'file "a.jpg", imported by "archive"',
    }
    expect(formatStatus({ status: 'in-library', inLibrary })).toBe(
      'Already in the library: entry m-1 of 2026-12-01, file "a.jpg", imported by "archive"',
    )
  })

  it("warns when a row with the editor's own externalId holds bytes the library has as another entry", () => {
    const contentMatch = { mediaId: 'm-2', origin: 'file "b.jpg"' }
    expect(formatStatus({ status: 'uploaded', contentMatch })).toBe(
      'Uploaded (the library also holds this file as entry m-2)',
    )
  })

  it('says Paused for an upload held by Pause, Uploading otherwise', () => {
    const upload = (state: 'paused' | 'uploading') => ({ state, bytesSent: 0, bytesTotal: 10 })
    expect(formatStatus({ status: 'uploading', upload: upload('paused') })).toBe('Paused')
    expect(formatStatus({ status: 'uploading', upload: upload('uploading') })).toBe('Uploading')
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
