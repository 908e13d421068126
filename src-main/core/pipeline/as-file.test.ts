/**
 * "Import as file" for the two rows that need it: a damaged image the probe could still read, and
 * a video without a duration (issue #17: it was a dead end, the server refuses a video asset
 * without one and the way out was never offered).
 */
import { describe, expect, it } from 'vitest'
import type { Row } from '../model/row'
import { canImportAsFile, importAsFile, importAsFileRefusal } from './as-file'
import { toRow } from '../../../src-shared/rows/row-shape'

const video: Row = {
  rowId: 'v',
  path: '/drop/clip.mp4',
  relativePath: 'drop/clip.mp4',
  size: 500,
  mtimeMs: 0,
  status: 'uploaded',
  kind: 'video',
  mimeType: 'video/mp4',
  width: 64,
  height: 48,
  warnings: [{ code: 'metadata-unreadable', message: 'The video does not state its duration.' }],
  upload: { state: 'uploaded', bytesSent: 500, bytesTotal: 500, key: 'k.mp4', url: 'http://s3/k.mp4' },
  entry: { id: 'e', mediaType: 'video', metadata: { title: 'clip' }, translations: {} },
}

describe('import as file', () => {
  it('offers a video without duration, keeping its finished upload', () => {
    expect(canImportAsFile(video)).toBe(true)
    expect(importAsFileRefusal(video)).toBeUndefined()
    const change = importAsFile(video)
    expect(change).toMatchObject({ kind: 'file', width: undefined, duration: undefined })
    expect(change).not.toHaveProperty('status')
    expect(change?.warnings?.at(-1)?.message).toBe('Imported as a file: The video does not state its duration.')
  })

  it('does not offer a video with a duration, or one already imported or being sent', () => {
    expect(canImportAsFile({ ...video, duration: 2 })).toBe(false)
    expect(canImportAsFile(toRow({ ...video, status: 'imported', result: { mediaId: 'm', record: {} } }))).toBe(false)
    expect(canImportAsFile({ ...video, status: 'submitting' })).toBe(false)
    expect(importAsFileRefusal({ ...video, duration: 2 })).toMatch(/no reason to import it as a file/)
  })

  it('turns a damaged image the probe could read into a file row that uploads', () => {
    const cut = toRow({
      ...video,
      kind: 'image',
      status: 'unreadable',
      reason: 'Truncated JPEG.',
      upload: undefined,
      probeError: { code: 'truncated', message: 'Truncated JPEG.', canImportAsFile: true },
    })
    expect(importAsFile(cut)).toMatchObject({ status: 'probed', kind: 'file', probeError: undefined })
    expect(canImportAsFile({ ...cut, probeError: { code: 'truncated', message: 'y', canImportAsFile: false } })).toBe(
      false,
    )
  })
})
