/**
 * The handful of EXIF tags we use, read by exifr from a TIFF structure (the JPEG APP1 payload,
 * a HEIF Exif item as sharp hands it out, the head of a TIFF or TIFF-based RAW file): IFD0,
 * the Exif IFD and the GPS IFD. Only those segments are parsed (no maker notes, thumbnails,
 * IPTC or XMP here) and keys stay numeric, so exifr does no tag-name lookups per file.
 */
import exifr from 'exifr'

export interface ExifTags {
  orientation?: number
  imageDescription?: string
  artist?: string
  copyright?: string
  /** `YYYY:MM:DD HH:MM:SS` as stored; interpreted in dates.ts. */
  dateTimeOriginal?: string
  subSecTimeOriginal?: string
  offsetTimeOriginal?: string
  /** IFD0 size (TIFF, and RAW files whose first IFD is the full image). */
  imageWidth?: number
  imageHeight?: number
  /** NewSubfileType of IFD0: 0 = full-resolution image, 1 = reduced (a preview). */
  subfileType?: number
  /** Exif PixelXDimension / PixelYDimension. */
  pixelWidth?: number
  pixelHeight?: number
  latitude?: number
  longitude?: number
  altitude?: number
}

// IFD0 is read whenever tiff is on (exifr's typing admits no switch for it).
const options = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  iptc: false,
  xmp: false,
  icc: false,
  jfif: false,
  ihdr: false,
  mergeOutput: false,
  translateKeys: false,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
}

type Ifd = Record<number, unknown> | undefined

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

/** Copyright may hold "photographer\0editor"; other tags end at the first NUL. */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined
  const parts = v
    .split('\0')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  return parts.length > 0 ? parts.join(' / ') : undefined
}

function coordinate(value: unknown, ref: unknown, negative: string): number | undefined {
  const dms: unknown[] = Array.isArray(value) ? value : [value]
  const d = num(dms[0])
  if (d === undefined) return undefined
  const decimal = d + (num(dms[1]) ?? 0) / 60 + (num(dms[2]) ?? 0) / 3600
  return text(ref)?.toUpperCase() === negative ? -decimal : decimal
}

/**
 * Always a Buffer/Uint8Array, never a path: exifr treats a string as a URL or file name and
 * would fetch or open it itself. A damaged block gives fewer tags or an error the caller reports.
 */
export async function readExifTags(tiff: Uint8Array): Promise<ExifTags> {
  if (tiff.length < 8) return {}
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0)
  if (order !== 'II' && order !== 'MM') return {}
  const parsed = (await exifr.parse(tiff, options)) as { ifd0?: Ifd; exif?: Ifd; gps?: Ifd } | undefined
  const ifd0 = parsed?.ifd0 ?? {}
  const exif = parsed?.exif ?? {}
  const gps = parsed?.gps ?? {}
  const out: ExifTags = {}
  // Only defined values are set: the object keeps one fast shape and no `undefined` leaks out.
  const put = <K extends keyof ExifTags>(key: K, value: ExifTags[K] | undefined): void => {
    if (value !== undefined) out[key] = value
  }
  put('orientation', num(ifd0[0x0112]))
  put('imageDescription', text(ifd0[0x010e]))
  put('artist', text(ifd0[0x013b]))
  put('copyright', text(ifd0[0x8298]))
  put('imageWidth', num(ifd0[0x0100]))
  put('imageHeight', num(ifd0[0x0101]))
  put('subfileType', num(ifd0[0x00fe]))
  put('dateTimeOriginal', text(exif[0x9003]))
  put('subSecTimeOriginal', text(exif[0x9291]))
  put('offsetTimeOriginal', text(exif[0x9011]))
  put('pixelWidth', num(exif[0xa002]))
  put('pixelHeight', num(exif[0xa003]))
  put('latitude', coordinate(gps[0x0002], gps[0x0001], 'S'))
  put('longitude', coordinate(gps[0x0004], gps[0x0003], 'W'))
  const altitude = num(gps[0x0006])
  if (altitude !== undefined) out.altitude = num(gps[0x0005]) === 1 ? -altitude : altitude
  return out
}
