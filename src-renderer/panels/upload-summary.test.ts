import { describe, expect, it } from 'vitest'
import type { UploadProgress } from '../../src-main/contract'
import { formatDuration, summariseUploads } from './upload-summary'

const MB = 1_000_000
const progress = (over: Partial<UploadProgress>): UploadProgress => ({
  bytesSent: 0,
  bytesTotal: 0,
  bytesPerSecond: 0,
  etaSeconds: undefined,
  filesTotal: 0,
  filesUploaded: 0,
  filesFailed: 0,
  filesActive: 0,
  paused: false,
  ...over,
})

describe('summariseUploads', () => {
  it('shows nothing before there are files', () => {
    expect(summariseUploads(undefined)).toBeUndefined()
    expect(summariseUploads(progress({}))).toBeUndefined()
  })

  it('while uploading: bytes, speed, time left and files', () => {
    const s = summariseUploads(
      progress({
        bytesSent: 10 * MB,
        bytesTotal: 40 * MB,
        bytesPerSecond: 2 * MB,
        etaSeconds: 15,
        filesTotal: 4,
        filesUploaded: 1,
        filesActive: 2,
      }),
    )
    expect(s?.headline).toBe('Uploading')
    expect(s?.detail).toBe('10 MB of 40 MB · 2 MB/s · 15 s left · 1 of 4 files')
    expect(s?.busy).toBe(true)
  })

  it('paused, done, and stopped with failures', () => {
    expect(summariseUploads(progress({ filesTotal: 3, filesUploaded: 1, paused: true }))?.headline).toBe(
      'Uploads paused',
    )
    expect(summariseUploads(progress({ filesTotal: 3, filesUploaded: 3, paused: true }))).toMatchObject({
      headline: 'Uploads paused',
      busy: false,
    })
    expect(summariseUploads(progress({ filesTotal: 3, filesUploaded: 3 }))).toMatchObject({
      headline: 'Uploads done',
      busy: false,
    })
    expect(summariseUploads(progress({ filesTotal: 3, filesUploaded: 2, filesFailed: 1 }))).toMatchObject({
      headline: 'Uploads stopped',
      detail: '2 of 3 files, 1 failed',
    })
  })

  it('formats durations', () => {
    expect(formatDuration(0.2)).toBe('1 s')
    expect(formatDuration(125)).toBe('2 min 5 s')
    expect(formatDuration(7260)).toBe('2 h 1 min')
  })
})
