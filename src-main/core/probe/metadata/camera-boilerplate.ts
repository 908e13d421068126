/**
 * Text cameras and phones write into ImageDescription (and that later tools copy into XMP
 * dc:description or IPTC Caption-Abstract) when nobody wrote a caption. Such a value is no
 * caption and no title: a desk would delete it, so the probe drops it. The one list, gathered from
 * what digiKam, KPhotoAlbum, iNaturalist and PhotoPrism strip; matched against the whole value
 * (case, spacing and trailing NULs ignored), so a real caption starting "Sony DSC-RX100 at…" stays.
 */
const EXACT = new Set(
  [
    'OLYMPUS DIGITAL CAMERA',
    'SONY DSC',
    'MINOLTA DIGITAL CAMERA',
    'KONICA MINOLTA DIGITAL CAMERA',
    'MINOLTA DSC',
    'KODAK Digital Still Camera',
    'KODAK CX7530 ZOOM DIGITAL CAMERA',
    'SAMSUNG',
    'SAMSUNG DIGITAL CAMERA',
    'SAMSUNG CAMERA PICTURES',
    'JENOPTIK DIGITAL CAMERA',
    'LG DIGITAL CAMERA',
    'NIKON DIGITAL CAMERA',
    'MOULTRIE DIGITAL GAME CAMERA',
    'DIGITAL CAMERA',
    'DIGITAL STILL CAMERA',
    'DCIM',
    'Exif_JPEG_PICTURE',
    'Default',
    'Image',
    'untitled',
    'binary comment',
    'charset=Ascii',
  ].map((s) => s.toLowerCase()),
)

/** Samsung and Kenox bodies write their model in angle brackets: "<Digimax S500 / Kenox S500>". */
const MODEL_IN_BRACKETS = /^<[^<>]{1,60}>$/
/** "DCIM\100OLYMP", "DCIM/101MSDCF": a card folder, not words. */
const CARD_FOLDER = /^dcim[\\/]\w*$/

export function isCameraBoilerplate(value: string): boolean {
  const text = value.replace(/\0+$/, '').replace(/\s+/g, ' ').trim().toLowerCase()
  return text === '' || EXACT.has(text) || MODEL_IN_BRACKETS.test(text) || CARD_FOLDER.test(text)
}

/** The value, or undefined when it is blank or camera boilerplate. */
export function meaningfulText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  return isCameraBoilerplate(value) ? undefined : value.trim()
}
