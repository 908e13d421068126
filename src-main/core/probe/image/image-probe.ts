/**
 * Image facts: displayed size, orientation, animation and embedded metadata. JPEG, the bulk
 * of every drop, is read from the header bytes already in memory; other formats go through
 * libvips (sharp) metadata, which reads only headers; SVG and BMP through image-size; camera
 * RAW through its TIFF structure.
 */
import { imageSize } from 'image-size'
import sharp, { type Metadata } from 'sharp'
import { walkTopLevelBoxes, bufferReader } from '../video/bmff-boxes'
import { readEmbedded, type MetadataBlocks } from '../metadata/embedded'
import { readJpegHeader } from '../metadata/jpeg-segments'
import { isRawMime } from '../detect/media-kinds'
import { readStart, type ReadResult } from '../read-and-hash'
import type { EmbeddedMetadata, ProbeError, ProbeWarning } from '../types'
import { truncation } from './integrity'

export interface ImageFacts {
  width?: number
  height?: number
  orientation?: number
  animated?: boolean
  embedded?: EmbeddedMetadata
  /** A RAW file whose size cannot be read goes up as a plain file. */
  asFile?: boolean
  warnings: ProbeWarning[]
  error?: ProbeError
}

const maxJpegHeader = 16 << 20
const heifTypes = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence', 'image/avif'])

const label = (mime: string): string =>
  (mime.split('/')[1] ?? mime)
    .replace(/^x-/, '')
    .replace(/\+xml$/, '')
    .toUpperCase()

function damaged(code: 'truncated' | 'corrupt', mime: string, problem: string): ProbeError {
  const what = code === 'truncated' ? `Truncated ${label(mime)}` : `Corrupt ${label(mime)}`
  const advice = code === 'truncated' ? 'copy it again from the source' : 'replace it'
  return { code, message: `${what}: ${problem}. Import it as a file, or ${advice}.`, canImportAsFile: true }
}

const validOrientation = (o: number | undefined): number | undefined => (o && o >= 1 && o <= 8 ? o : undefined)

function oriented(width: number, height: number, orientation: number | undefined): { width: number; height: number } {
  return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height }
}

async function jpegFacts(path: string, read: ReadResult): Promise<ImageFacts> {
  let header = readJpegHeader(read.head, read.size)
  while (header.needBytes && header.needBytes <= maxJpegHeader) {
    header = readJpegHeader(await readStart(path, header.needBytes), read.size)
  }
  if (header.problem || header.width === undefined || header.height === undefined) {
    const problem = header.problem ?? 'the header is longer than 16 MB'
    return {
      warnings: [],
      error: damaged(problem.startsWith('truncated') ? 'truncated' : 'corrupt', 'image/jpeg', problem),
    }
  }
  const cut = truncation('image/jpeg', read, header.scanOffset)
  if (cut) return { warnings: [], error: damaged('truncated', 'image/jpeg', cut) }
  const { embedded, exif, warnings } = await readEmbedded({ exif: header.exif, xmp: header.xmp, iptc: header.irb })
  const orientation = validOrientation(exif.orientation)
  return { ...oriented(header.width, header.height, orientation), orientation, embedded, warnings }
}

async function heifCut(read: ReadResult): Promise<string | undefined> {
  if (read.head.length < read.size) return undefined // only whole-in-head files here; sharp reports the rest
  const walk = await walkTopLevelBoxes(bufferReader(read.head), read.size)
  return walk.problem
}

async function sharpFacts(path: string, mime: string, read: ReadResult): Promise<ImageFacts> {
  const cut = truncation(mime, read) ?? (heifTypes.has(mime) ? await heifCut(read) : undefined)
  if (cut) return { warnings: [], error: damaged('truncated', mime, cut) }
  let meta: Metadata
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata()
  } catch (err) {
    return { warnings: [], error: damaged('corrupt', mime, err instanceof Error ? err.message : String(err)) }
  }
  const blocks: MetadataBlocks = { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc }
  // A TIFF file is itself the EXIF structure.
  if (mime === 'image/tiff' && !blocks.exif) blocks.exif = read.head
  const { embedded, exif, warnings } = await readEmbedded(blocks)
  // HEIF/AVIF rotation lives in the container (irot/imir), applied by libheif; EXIF orientation is informational there.
  const orientation = heifTypes.has(mime) ? undefined : validOrientation(meta.orientation ?? exif.orientation)
  const width = meta.autoOrient?.width ?? meta.width
  const height = meta.autoOrient?.height ?? meta.height
  if (!width || !height) return { warnings, error: damaged('corrupt', mime, 'its size cannot be read') }
  const animated = mime === 'image/apng' || (meta.pages ?? 1) > 1 ? true : undefined
  // HEIC (HEVC) pixels, which this libvips cannot decode, get their thumbnail from libheif in
  // WebAssembly (thumbnails/heif-decode.ts), so a HEIC row carries no "no preview" warning.
  return { width, height, orientation, animated, embedded, warnings }
}

function sizeFacts(mime: string, read: ReadResult): ImageFacts {
  const cut = truncation(mime, read)
  if (cut) return { warnings: [], error: damaged('truncated', mime, cut) }
  try {
    const size = imageSize(read.head)
    if (!size.width || !size.height) throw new Error('no width and height, and no viewBox')
    return { width: size.width, height: size.height, warnings: [] }
  } catch (err) {
    return {
      warnings: [],
      error: damaged('corrupt', mime, `its size cannot be read (${err instanceof Error ? err.message : String(err)})`),
    }
  }
}

async function rawFacts(mime: string, read: ReadResult): Promise<ImageFacts> {
  const { embedded, exif, warnings } = await readEmbedded({ exif: read.head })
  const orientation = validOrientation(exif.orientation)
  const [w, h] =
    exif.pixelWidth && exif.pixelHeight
      ? [exif.pixelWidth, exif.pixelHeight]
      : exif.imageWidth && exif.imageHeight && exif.subfileType !== 1
        ? [exif.imageWidth, exif.imageHeight]
        : [undefined, undefined]
  if (w === undefined || h === undefined) {
    warnings.push({
      code: 'raw-without-size',
      message: `Camera RAW (${label(mime)}) whose picture size cannot be read: it is imported as a file.`,
    })
    return { asFile: true, embedded, warnings }
  }
  return { ...oriented(w, h, orientation), orientation, embedded, warnings }
}

export async function probeImage(path: string, mime: string, read: ReadResult): Promise<ImageFacts> {
  if (mime === 'image/jpeg') return jpegFacts(path, read)
  if (mime === 'image/svg+xml' || mime === 'image/bmp') return sizeFacts(mime, read)
  if (isRawMime(mime)) return rawFacts(mime, read)
  return sharpFacts(path, mime, read)
}
