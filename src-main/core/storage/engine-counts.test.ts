import { describe, expect, it } from 'vitest'
import { countItems } from './engine-counts'

describe('countItems', () => {
  it('counts bytes and files by status; cancelled files drop out, failed ones stay', () => {
    const counts = countItems([
      { status: 'uploaded', bytesSent: 100, bytesTotal: 100 },
      { status: 'active', bytesSent: 30, bytesTotal: 50 },
      { status: 'queued', bytesSent: 0, bytesTotal: 20 },
      { status: 'paused', bytesSent: 10, bytesTotal: 40 },
      { status: 'failed', bytesSent: 5, bytesTotal: 60 },
      { status: 'cancelled', bytesSent: 7, bytesTotal: 1000 },
    ])
    expect(counts).toEqual({
      bytesTotal: 270,
      bytesSent: 145,
      bytesPending: 20 + 20 + 30,
      filesTotal: 5,
      filesUploaded: 1,
      filesFailed: 1,
      filesActive: 1,
    })
  })

  it('never counts more bytes sent than a file has (a retried part may overshoot)', () => {
    expect(countItems([{ status: 'active', bytesSent: 80, bytesTotal: 50 }])).toMatchObject({
      bytesSent: 50,
      bytesPending: 0,
    })
  })
})
