/**
 * Image facts: displayed size, orientation, animation and embedded metadata. JPEG, the bulk
 * of every drop, is read from the header bytes already in memory; other formats go through
 * libvips (sharp) metadata, which reads only headers; SVG and BMP through image-size; camera
 * RAW through its TIFF structure.
 */
import type * as ImageSize from 'image-size'
import type { Metadata, default as SharpFactory } from 'sharp'
import { walkTopLevelBoxes, bufferReader } from '../video/bmff-boxes'
import { containerBlocks, mergeBlocks, type ContainerBlocks } from '../metadata/container-blocks'
import { readEmbedded, type MetadataBlocks } from '../metadata/embedded'
import { wholeFile } from '../metadata/file-bytes'
import { readJpegHeader } from '../metadata/jpeg-segments'
import { isRawMime } from '../detect/media-kinds'
import { readStart, type ReadResult } from '../read-and-hash'
import type { EmbeddedMetadata, ProbeError, ProbeWarning } from '../../model/probe-facts'
import { bmpHeaderProblem } from './bmp-header'
import { heifSize } from './heif-items'
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

/**
 * libvips is loaded on the first non-JPEG image, not when the CLI starts: a scan of JPEGs,
 * videos and files never needs it, and loading it costs tens of milliseconds.
 */
type Sharp = typeof SharpFactory
let sharpModule: Promise<Sharp> | undefined
const loadSharp = (): Promise<Sharp> => (sharpModule ??= import('sharp').then((m) => m.default))
/** image-size (SVG and BMP only) likewise waits for the first such file. */
let imageSizeModule: Promise<typeof ImageSize> | undefined
const loadImageSize = (): Promise<typeof ImageSize> => (imageSizeModule ??= import('image-size'))
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
  const { embedded, exif, warnings } = await readEmbedded({
    exif: header.exif,
    xmp: header.xmp,
    xmpExtended: header.xmpExtended,
    iptc: header.irb,
  })
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
    // A file read whole already goes to libvips from memory: it neither opens nor reads the file
    // again, and its loaders allocate no read buffers of their own on the worker threads.
    const input = read.head.length < read.size ? path : read.head
    meta = await (await loadSharp())(input, { limitInputPixels: false }).metadata()
  } catch {
    if (heifTypes.has(mime)) {
      const boxes = await heifFromBoxes(path, mime, read)
      if (boxes) return boxes
    }
    // libvips' message (several lines, the file's path) stays out of the row: one plain sentence.
    return { warnings: [], error: damaged('corrupt', mime, 'its picture data cannot be decoded') }
  }
  const own = await containerBlocks(path, mime, read)
  if (own.problem) return { warnings: [], error: damaged('corrupt', mime, own.problem) }
  const blocks: MetadataBlocks = mergeBlocks(own.blocks, { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc })
  // A TIFF file is itself the EXIF structure.
  if (mime === 'image/tiff' && !blocks.exif) blocks.exif = read.head
  const { embedded, exif, warnings } = await readEmbedded(blocks)
  warnings.push(...unreadableWarning(own))
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

/** HEIF/AVIF sequences and multi-image files libheif will not open: size from the boxes. */
async function heifFromBoxes(path: string, mime: string, read: ReadResult): Promise<ImageFacts | undefined> {
  const file = await wholeFile(path, read)
  const size = file && heifSize(file)
  if (!size) return undefined
  const warnings: ProbeWarning[] = []
  if (mime.startsWith('image/heic') || size.codec === 'hevc')
    warnings.push({
      code: 'no-preview',
      message: 'No preview: HEIC pictures (HEVC) cannot be decoded on this computer. The file imports normally.',
    })
  return { width: size.width, height: size.height, animated: size.sequence || undefined, warnings }
}

function unreadableWarning(own: ContainerBlocks): ProbeWarning[] {
  return own.unreadable ? [{ code: 'metadata-unreadable', message: own.unreadable }] : []
}

async function sizeFacts(path: string, mime: string, read: ReadResult): Promise<ImageFacts> {
  const cut = truncation(mime, read)
  if (cut) return { warnings: [], error: damaged('truncated', mime, cut) }
  let size: { width?: number; height?: number }
  const { imageSize } = await loadImageSize()
  try {
    size = imageSize(read.head)
  } catch {
    size = {}
  }
  if (!size.width || !size.height) {
    const why = mime === 'image/svg+xml' ? 'it states no width and height, and no viewBox' : 'its size cannot be read'
    return { warnings: [], error: damaged('corrupt', mime, why) }
  }
  const header = mime === 'image/bmp' ? bmpHeaderProblem(read.head, read.size) : undefined
  if (header) return { warnings: [], error: damaged('corrupt', mime, header) }
  const own = await containerBlocks(path, mime, read)
  const { embedded, warnings } = await readEmbedded(own.blocks)
  warnings.push(...unreadableWarning(own))
  return { width: size.width, height: size.height, embedded, warnings }
}

async function rawFacts(path: string, mime: string, read: ReadResult): Promise<ImageFacts> {
  const own = await containerBlocks(path, mime, read)
  const { embedded, exif, warnings } = await readEmbedded({ ...own.blocks, exif: read.head })
  warnings.push(...unreadableWarning(own))
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
  if (mime === 'image/svg+xml' || mime === 'image/bmp') return sizeFacts(path, mime, read)
  if (isRawMime(mime)) return rawFacts(path, mime, read)
  return sharpFacts(path, mime, read)
}
