/**
 * Where each container keeps its metadata blocks, for the formats sharp (libvips) does not
 * hand them out or hands out only part of: PNG text chunks, GIF's XMP extension, SVG's
 * title/desc/RDF, TIFF's IFD tags (also in TIFF-based RAW), PSD's image resources and PDF's
 * Info dictionary and XMP stream, an office document's properties (ZIP entry), and whether a
 * PNG's pixels unpack. Every reader is tolerant: a damaged block gives a warning and the file
 * still imports.
 */
import { open } from 'node:fs/promises'
import { pngPixelProblem } from '../image/png-pixels'
import type { ReadResult } from '../read-and-hash'
import { bufferReader, type ReadAt } from '../video/bmff-boxes'
import type { MetadataBlocks } from './embedded'
import { wholeFile } from './file-bytes'
import { readGifXmp } from './gif-blocks'
import { isOfficeMime, readOfficeProperties } from './office/office-properties'
import { readPdfMetadata } from './pdf/pdf-info'
import { readPngChunks } from './png-chunks'
import { psdMetadataEnd, readPsdMetadata } from './psd-resources'
import { readSvgMetadata } from './svg-text'
import { readTiffBlocks } from './tiff-ifd'

export interface ContainerBlocks {
  blocks: MetadataBlocks
  /** The picture itself is damaged (PNG chunk checksums), in words. */
  problem?: string
  /** When the container states it and nothing else reads it (PSD). */
  width?: number
  height?: number
  /** A block that could not be read, in words for a warning. */
  unreadable?: string
}

const tiffLike = (mime: string): boolean =>
  mime === 'image/tiff' ||
  (mime.startsWith('image/x-') && !['image/x-canon-cr3', 'image/x-fujifilm-raf'].includes(mime))

/** Formats with a reader here; the rest get an empty result without any read. */
export function hasContainerReader(mime: string): boolean {
  return (
    mime === 'image/png' ||
    mime === 'image/apng' ||
    mime === 'image/gif' ||
    mime === 'image/svg+xml' ||
    mime === 'image/vnd.adobe.photoshop' ||
    mime === 'application/pdf' ||
    isOfficeMime(mime) ||
    tiffLike(mime)
  )
}

/** Byte ranges of the file; from the bytes already read when they are all of it (no second open). */
async function withReadAt<T>(
  path: string,
  use: (readAt: ReadAt) => Promise<T>,
  read?: Pick<ReadResult, 'head' | 'size'>,
): Promise<T> {
  if (read && read.head.length >= read.size) return use(bufferReader(read.head))
  const handle = await open(path, 'r')
  try {
    return await use(async (offset, length) => {
      const buf = Buffer.allocUnsafe(Math.max(0, length))
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset)
      return buf.subarray(0, bytesRead)
    })
  } finally {
    await handle.close()
  }
}

async function readBlocks(path: string, mime: string, read: ReadResult): Promise<ContainerBlocks> {
  if (mime === 'image/png' || mime === 'image/apng') {
    const file = await wholeFile(path, read)
    if (!file) return { blocks: {} }
    const png = readPngChunks(file)
    const problem = png.problem ?? (await pngPixelProblem(file))
    return { blocks: { xmp: png.xmp, exif: png.exif, iptc: png.iptc, plain: png.plain }, problem }
  }
  if (mime === 'image/gif') {
    const file = await wholeFile(path, read)
    return { blocks: { xmp: file && readGifXmp(file) } }
  }
  if (mime === 'image/svg+xml') {
    const file = await wholeFile(path, read)
    const svg = file && readSvgMetadata(file)
    return { blocks: { xmp: svg?.rdf, plain: svg?.plain } }
  }
  if (mime === 'image/vnd.adobe.photoshop') {
    const end = psdMetadataEnd(read.head)
    const head = end !== undefined && end > read.head.length ? await withReadAt(path, (at) => at(0, end)) : read.head
    const psd = readPsdMetadata(head)
    return { blocks: { iptc: psd?.resources, xmp: psd?.xmp, exif: psd?.exif }, width: psd?.width, height: psd?.height }
  }
  if (mime === 'application/pdf') {
    const pdf = await withReadAt(path, (at) => readPdfMetadata(at, read.size))
    return { blocks: { xmp: pdf.xmp, plain: pdf.plain } }
  }
  if (isOfficeMime(mime)) {
    return { blocks: { plain: await withReadAt(path, (at) => readOfficeProperties(at, read.size, mime), read) } }
  }
  if (tiffLike(mime)) {
    const tiff = await withReadAt(path, (at) => readTiffBlocks(at, read.size))
    return { blocks: { xmp: tiff.xmp, iptc: tiff.iptc } }
  }
  return { blocks: {} }
}

export async function containerBlocks(path: string, mime: string, read: ReadResult): Promise<ContainerBlocks> {
  if (!hasContainerReader(mime)) return { blocks: {} }
  try {
    return await readBlocks(path, mime, read)
  } catch {
    return { blocks: {}, unreadable: 'The metadata inside the file is damaged and could not be read.' }
  }
}

/** `own` where it has a block, else `fallback`'s. */
export function mergeBlocks(own: MetadataBlocks, fallback: MetadataBlocks): MetadataBlocks {
  return {
    exif: own.exif ?? fallback.exif,
    xmp: own.xmp ?? fallback.xmp,
    xmpExtended: own.xmpExtended ?? fallback.xmpExtended,
    iptc: own.iptc ?? fallback.iptc,
    plain: own.plain ?? fallback.plain,
  }
}
