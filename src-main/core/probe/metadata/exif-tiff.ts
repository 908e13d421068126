/**
 * Reads the handful of EXIF tags we use from a TIFF structure (the JPEG APP1 payload, a HEIF
 * Exif item, the head of a TIFF or TIFF-based RAW file): IFD0, the Exif IFD and the GPS IFD
 * (TIFF 6.0 §2; CIPA DC-008 §4.6). Every offset is bounds-checked: a damaged block gives
 * fewer tags, never an exception. Written for this instead of a general EXIF library because
 * it runs once per file on the hot path and needs twelve tags, not five hundred.
 */

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

const typeSize: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
}

interface Entry {
  type: number
  count: number
  /** Where the value bytes start (inline or at the offset). */
  at: number
}

class Tiff {
  constructor(
    readonly buf: Buffer,
    readonly le: boolean,
  ) {}

  u16(at: number): number {
    return this.le ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at)
  }

  u32(at: number): number {
    return this.le ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at)
  }

  /** tag -> entry for one IFD; empty when the IFD lies outside the buffer. */
  ifd(offset: number): Map<number, Entry> {
    const out = new Map<number, Entry>()
    if (offset < 8 || offset + 2 > this.buf.length) return out
    const count = this.u16(offset)
    for (let i = 0; i < count; i++) {
      const e = offset + 2 + i * 12
      if (e + 12 > this.buf.length) break
      const type = this.u16(e + 2)
      const n = this.u32(e + 4)
      const size = (typeSize[type] ?? 0) * n
      if (size === 0) continue
      const at = size <= 4 ? e + 8 : this.u32(e + 8)
      if (at + size > this.buf.length) continue
      out.set(this.u16(e), { type, count: n, at })
    }
    return out
  }

  number(entry: Entry | undefined, index = 0): number | undefined {
    if (!entry || index >= entry.count) return undefined
    const at = entry.at + index * (typeSize[entry.type] ?? 0)
    switch (entry.type) {
      case 1:
      case 7:
        return this.buf[at]
      case 3:
        return this.u16(at)
      case 4:
      case 13:
        return this.u32(at)
      case 5: {
        const d = this.u32(at + 4)
        return d === 0 ? undefined : this.u32(at) / d
      }
      case 10: {
        const d = this.le ? this.buf.readInt32LE(at + 4) : this.buf.readInt32BE(at + 4)
        const n = this.le ? this.buf.readInt32LE(at) : this.buf.readInt32BE(at)
        return d === 0 ? undefined : n / d
      }
      default:
        return undefined
    }
  }

  /** ASCII per the spec, UTF-8 in practice (MWG asks for it); Latin-1 when not valid UTF-8. */
  text(entry: Entry | undefined): string | undefined {
    if (!entry || (entry.type !== 2 && entry.type !== 7 && entry.type !== 1)) return undefined
    const end = entry.at + entry.count
    let decoded = this.buf.toString('utf8', entry.at, end)
    if (decoded.includes('\uFFFD')) decoded = this.buf.toString('latin1', entry.at, end)
    // Copyright may hold "photographer\0editor"; other tags end at the first NUL.
    const parts = decoded
      .split('\0')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
    return parts.length > 0 ? parts.join(' / ') : undefined
  }
}

function coordinate(
  tiff: Tiff,
  value: Entry | undefined,
  ref: Entry | undefined,
  negative: string,
): number | undefined {
  const d = tiff.number(value, 0)
  const m = tiff.number(value, 1) ?? 0
  const s = tiff.number(value, 2) ?? 0
  if (d === undefined) return undefined
  const decimal = d + m / 60 + s / 3600
  return tiff.text(ref)?.toUpperCase() === negative ? -decimal : decimal
}

export function readExifTiff(buf: Buffer): ExifTags {
  if (buf.length < 8) return {}
  const order = buf.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return {}
  const tiff = new Tiff(buf, order === 'II')
  if (tiff.u16(2) !== 42) return {}
  const ifd0 = tiff.ifd(tiff.u32(4))
  const exifAt = tiff.number(ifd0.get(0x8769))
  const gpsAt = tiff.number(ifd0.get(0x8825))
  const exif = exifAt ? tiff.ifd(exifAt) : new Map<number, Entry>()
  const gps = gpsAt ? tiff.ifd(gpsAt) : new Map<number, Entry>()
  const out: ExifTags = {}
  // Only defined values are set: the object keeps one fast shape and no `undefined` leaks out.
  const put = <K extends keyof ExifTags>(key: K, value: ExifTags[K] | undefined): void => {
    if (value !== undefined) out[key] = value
  }
  put('orientation', tiff.number(ifd0.get(0x0112)))
  put('imageDescription', tiff.text(ifd0.get(0x010e)))
  put('artist', tiff.text(ifd0.get(0x013b)))
  put('copyright', tiff.text(ifd0.get(0x8298)))
  put('imageWidth', tiff.number(ifd0.get(0x0100)))
  put('imageHeight', tiff.number(ifd0.get(0x0101)))
  put('subfileType', tiff.number(ifd0.get(0x00fe)))
  put('dateTimeOriginal', tiff.text(exif.get(0x9003)))
  put('subSecTimeOriginal', tiff.text(exif.get(0x9291)))
  put('offsetTimeOriginal', tiff.text(exif.get(0x9011)))
  put('pixelWidth', tiff.number(exif.get(0xa002)))
  put('pixelHeight', tiff.number(exif.get(0xa003)))
  put('latitude', coordinate(tiff, gps.get(0x0002), gps.get(0x0001), 'S'))
  put('longitude', coordinate(tiff, gps.get(0x0004), gps.get(0x0003), 'W'))
  const altitude = tiff.number(gps.get(0x0006))
  if (altitude !== undefined) out.altitude = tiff.number(gps.get(0x0005)) === 1 ? -altitude : altitude
  return out
}
