import { describe, expect, it } from 'vitest'
import type { Row } from '../model/row'
import type { UploadEvent } from '../storage/types'
import { draftOf, localeUploadInputs, uploadChange, uploadInputOf } from './row-assets'
import { filledRow } from '../../../src-shared/rows/testing/example-rows'

const probed = (over: Partial<Row> = {}): Row =>
  filledRow({
    rowId: 'r',
    path: '/in/drop/a.jpg',
    relativePath: 'drop/a.jpg',
    size: 1234,
    mtimeMs: 99,
    status: 'probed',
    kind: 'image',
    mimeType: 'image/jpeg',
    extension: 'jpg',
    sha256: 'ab'.repeat(32),
    width: 40,
    height: 30,
    entry: { id: 'e1', mediaType: 'image', metadata: { title: 'A' }, translations: {} },
    ...over,
  })

const uploaded: UploadEvent = {
  type: 'uploaded',
  rowId: 'r',
  bucket: 'media-images',
  key: '2026/01/02/u.jpg',
  url: 'http://s3/media-images/2026/01/02/u.jpg',
  size: 1234,
  etag: '"e"',
  sha256: 'ab'.repeat(32),
}

describe('uploadInputOf', () => {
  it('uploads a probed row with what the probe found', () => {
    expect(uploadInputOf(probed())).toEqual({
      rowId: 'r',
      path: '/in/drop/a.jpg',
      size: 1234,
      mtimeMs: 99,
      sha256: 'ab'.repeat(32),
      kind: 'image',
      mimeType: 'image/jpeg',
      ext: 'jpg',
    })
  })

  it('does not upload what cannot go or is already there', () => {
    expect(uploadInputOf(probed({ status: 'scanned' }))).toBeUndefined()
    expect(
      uploadInputOf(
        probed({ status: 'unreadable', probeError: { code: 'corrupt', message: 'x', canImportAsFile: true } }),
      ),
    ).toBeUndefined()
    expect(
      uploadInputOf(probed({ upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1, key: 'k', url: 'u' } })),
    ).toBeUndefined()
    expect(uploadInputOf(probed({ status: 'imported', result: { mediaId: 'm', record: {} } }))).toBeUndefined()
    expect(uploadInputOf(probed({ status: 'upload-failed' }))).toBeDefined()
  })

  it('lists per-locale files not uploaded yet', () => {
    const row = probed({
      localeAssets: {
        fr: { path: '/in/fr.jpg', size: 5, mtimeMs: 1, kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' },
        de: {
          path: '/in/de.jpg',
          size: 5,
          mtimeMs: 1,
          kind: 'image',
          mimeType: 'image/jpeg',
          extension: 'jpg',
          upload: { state: 'uploaded', bytesSent: 5, bytesTotal: 5, key: 'k', url: 'u' },
        },
      },
    })
    expect(localeUploadInputs(row)).toEqual([expect.objectContaining({ rowId: 'r', locale: 'fr', path: '/in/fr.jpg' })])
  })
})

describe('uploadChange', () => {
  it('follows the engine: queued, uploading with progress, uploaded with the object', () => {
    expect(uploadChange(probed(), { type: 'queued', rowId: 'r' })).toEqual({
      status: 'probed',
      upload: { state: 'queued', bytesSent: 0, bytesTotal: 1234 },
    })
    const progress = { bytesSent: 600, bytesTotal: 1234, bytesPerSecond: 1000, etaSeconds: 1 }
    expect(uploadChange(probed(), { type: 'uploading', rowId: 'r', progress })).toEqual({
      status: 'uploading',
      upload: { state: 'uploading', ...progress },
    })
    expect(uploadChange(probed({ status: 'uploading' }), uploaded)).toEqual({
      status: 'uploaded',
      upload: {
        state: 'uploaded',
        bytesSent: 1234,
        bytesTotal: 1234,
        bucket: 'media-images',
        key: '2026/01/02/u.jpg',
        url: 'http://s3/media-images/2026/01/02/u.jpg',
        etag: '"e"',
      },
    })
  })

  it("takes the uploaded bytes' hash when it is not the probe's (a Retry after the file changed)", () => {
    const rehashed = { ...uploaded, sha256: 'cd'.repeat(32) }
    expect(uploadChange(probed({ status: 'uploading' }), rehashed)).toMatchObject({ sha256: 'cd'.repeat(32) })
    expect(uploadChange(probed({ status: 'uploading' }), uploaded)).not.toHaveProperty('sha256')
    const fr = {
      path: '/in/fr.jpg',
      size: 5,
      mtimeMs: 1,
      kind: 'image',
      mimeType: 'image/jpeg',
      extension: 'jpg',
    } as const
    const change = uploadChange(probed({ localeAssets: { fr } }), { ...rehashed, locale: 'fr', size: 5 })
    expect(change?.localeAssets?.['fr']).toMatchObject({ sha256: 'cd'.repeat(32) })
  })

  it('marks a failure with its reason and leaves submitted rows in their state', () => {
    const failed: UploadEvent = { type: 'failed', rowId: 'r', code: 'network', message: 'offline', retryable: true }
    expect(uploadChange(probed({ status: 'uploading' }), failed)).toMatchObject({
      status: 'upload-failed',
      upload: { state: 'failed', error: { code: 'network', message: 'offline', retryable: true } },
    })
    expect(uploadChange(probed({ status: 'rejected' }), { type: 'queued', rowId: 'r' })).not.toHaveProperty('status')
  })

  it('puts a per-locale event on that locale only', () => {
    const row = probed({
      status: 'uploaded',
      localeAssets: {
        fr: { path: '/in/fr.jpg', size: 5, mtimeMs: 1, kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' },
      },
    })
    const change = uploadChange(row, { ...uploaded, locale: 'fr', size: 5 })
    expect(change).toEqual({
      localeAssets: {
        fr: expect.objectContaining({ upload: expect.objectContaining({ state: 'uploaded', key: uploaded.key }) }),
      },
    })
    expect(uploadChange(row, { type: 'queued', rowId: 'r', locale: 'de' })).toBeUndefined()
  })
})

describe('draftOf', () => {
  it('builds the asset from the upload and the probe, named after the file', () => {
    const row = probed({ ...uploadChange(probed(), uploaded) })
    expect(draftOf(row)).toEqual({
      rowId: 'r',
      contentId: `sha256-${row.sha256}`,
      kind: 'image',
      entry: row.entry,
      asset: {
        key: '2026/01/02/u.jpg',
        url: 'http://s3/media-images/2026/01/02/u.jpg',
        size: 1234,
        width: 40,
        height: 30,
        mimeType: 'image/jpeg',
        filename: 'a.jpg',
      },
    })
  })

  it('has no asset until the upload is done', () => {
    expect(draftOf(probed())).not.toHaveProperty('asset')
  })
})
