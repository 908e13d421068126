import { describe, expect, it } from 'vitest'
import { assetProblems } from './asset-rules'

const image = {
  key: '2026/11/26/a.jpg',
  url: 'http://127.0.0.1:9000/images/2026/11/26/a.jpg',
  size: 10,
  width: 4,
  height: 3,
  mimeType: 'image/jpeg',
  filename: 'a.jpg',
}

describe('assetProblems', () => {
  it('accepts complete assets per kind', () => {
    expect(assetProblems(image, 'image')).toEqual([])
    expect(assetProblems({ ...image, duration: 1.5 }, 'video')).toEqual([])
    expect(
      assetProblems(
        { key: 'k.pdf', url: 'https://x/k.pdf', size: 0, mimeType: 'application/pdf', filename: 'k.pdf' },
        'file',
      ),
    ).toEqual([])
  })

  it('says a file without key or url is not uploaded yet', () => {
    expect(assetProblems(undefined, 'image')).toEqual([
      'The file is not uploaded yet: it is sent once its upload has finished.',
    ])
    expect(assetProblems({ size: 4 }, 'file')).toHaveLength(1)
  })

  it('names each missing or wrong field of the kind', () => {
    expect(assetProblems({ ...image, width: 0, height: undefined }, 'image')).toEqual([
      'The image asset has no width in pixels.',
      'The image asset has no height in pixels.',
    ])
    expect(assetProblems(image, 'video')).toEqual(['The video asset has no duration in seconds.'])
    expect(assetProblems({ ...image, mimeType: 'jpeg', filename: ' ' }, 'image')).toEqual([
      'The image asset has no MIME type.',
      'The image asset has no file name.',
    ])
  })

  it('refuses keys starting with / or the reserved v/', () => {
    expect(assetProblems({ ...image, key: '/a.jpg' }, 'image')[0]).toMatch(/must not start with "\/"/)
    expect(assetProblems({ ...image, key: 'v/a.jpg' }, 'image')[0]).toMatch(/reserved/)
  })

  it('wants an http(s) URL', () => {
    expect(assetProblems({ ...image, url: 'file:///tmp/a.jpg' }, 'image')).toEqual([
      'The image asset has no http(s) URL.',
    ])
  })
})
