import { describe, expect, it } from 'vitest'
import { skipVerdict } from './skip-rules'

describe('skipVerdict', () => {
  it.each([
    ['.DS_Store', 'os-file'],
    ['Thumbs.db', 'os-file'],
    ['thumbs.db', 'os-file'],
    ['desktop.ini', 'os-file'],
    ['Desktop.ini', 'os-file'],
    ['._IMG_0001.JPG', 'os-file'],
    ['IMG_0001.AAE', 'sidecar'],
    ['IMG_0001.xmp', 'sidecar'],
    ['DSC_1.XMP', 'sidecar'],
    ['.hidden.jpg', 'hidden'],
  ])('skips the file %s as %s', (name, code) => {
    expect(skipVerdict(name, false)?.code).toBe(code)
  })

  it('keeps media files, also ones that merely contain a skipped word', () => {
    for (const name of ['IMG_0001.JPG', 'Thumbs.db.jpg', 'xmp.jpg', 'photo.aae.png', 'noext']) {
      expect(skipVerdict(name, false)).toBeUndefined()
    }
  })

  it('skips hidden and OS folders but walks ordinary ones', () => {
    expect(skipVerdict('.git', true)?.code).toBe('hidden-folder')
    expect(skipVerdict('__MACOSX', true)?.code).toBe('os-file')
    expect(skipVerdict('$RECYCLE.BIN', true)?.code).toBe('os-file')
    expect(skipVerdict('DCIM', true)).toBeUndefined()
  })

  it('says why in words', () => {
    expect(skipVerdict('._a.jpg', false)?.reason).toMatch(/resource fork/)
  })
})
