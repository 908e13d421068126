import { describe, expect, it } from 'vitest'
import { isCameraBoilerplate, meaningfulText } from './camera-boilerplate'

describe('camera boilerplate', () => {
  it('knows what cameras write when nobody wrote a caption', () => {
    for (const text of [
      'OLYMPUS DIGITAL CAMERA',
      'olympus  digital camera ',
      'SONY DSC\0\0',
      'SAMSUNG',
      'DCIM',
      'DCIM\\100OLYMP',
      'KODAK Digital Still Camera',
      'Default',
      'Exif_JPEG_PICTURE',
      'MINOLTA DIGITAL CAMERA',
      '<Digimax S500 / Kenox S500>',
      '   ',
    ]) {
      expect(isCameraBoilerplate(text), text).toBe(true)
    }
  })

  it('keeps real captions, even ones that start like a camera name', () => {
    for (const text of [
      'Sony DSC-RX100 on a tripod at the harbour',
      'Samsung headquarters in Seoul',
      'Default settlement talks',
    ]) {
      expect(isCameraBoilerplate(text), text).toBe(false)
    }
    expect(meaningfulText(' Boats on the lake ')).toBe('Boats on the lake')
    expect(meaningfulText('SONY DSC')).toBeUndefined()
  })
})
