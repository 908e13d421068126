/**
 * Walks a JPEG's marker segments up to the start of scan: frame size, and the metadata blocks
 * (EXIF, XMP, Photoshop IRB with IPTC). Only the header is read, never the image data.
 * Layout: ITU T.81 Annex B; APP1 Exif: CIPA DC-008; APP1 XMP: XMP spec part 3 §1.1.3;
 * APP13: Adobe "Photoshop 3.0" image resource blocks.
 */

export interface JpegHeader {
  /** Stored frame size (before EXIF orientation). */
  width?: number
  height?: number
  /** TIFF structure of the EXIF block (after the `Exif\0\0` preamble). */
  exif?: Buffer
  xmp?: Buffer
  /** Extended XMP reassembled from its APP1 parts (XMP spec part 3 §1.1.3.1). */
  xmpExtended?: Buffer
  /** Concatenated APP13 payloads: Photoshop image resource blocks. */
  irb?: Buffer
  /** Offset of the SOS marker: image data starts after it. */
  scanOffset?: number
  /** The header runs past the bytes given: read this many bytes from the start and call again. */
  needBytes?: number
  /** Why the header is unusable, in words. */
  problem?: string
}

const exifId = Buffer.from('Exif\0\0', 'latin1')
const xmpId = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1')
const xmpExtensionId = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1')
const photoshopId = Buffer.from('Photoshop 3.0\0', 'latin1')

const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc
const standalone = (m: number): boolean => m === 0x01 || (m >= 0xd0 && m <= 0xd7)

function startsWith(buf: Buffer, start: number, id: Buffer): boolean {
  return buf.length >= start + id.length && buf.compare(id, 0, id.length, start, start + id.length) === 0
}

/** `bytes` is the start of the file; `fileSize` tells whether more of it exists. */
export function readJpegHeader(bytes: Buffer, fileSize: number): JpegHeader {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8)
    return { problem: 'not a JPEG: no start-of-image marker' }
  const out: JpegHeader = {}
  const irbParts: Buffer[] = []
  const extended: ExtendedParts = { parts: [] }
  let offset = 2
  for (;;) {
    if (offset + 4 > bytes.length) break
    if (bytes[offset] !== 0xff) {
      return { ...out, problem: `damaged header: expected a marker at byte ${offset}` }
    }
    let markerAt = offset + 1
    while (bytes[markerAt] === 0xff && markerAt < bytes.length - 1) markerAt++ // fill bytes
    const marker = bytes[markerAt] as number
    offset = markerAt + 1
    if (standalone(marker)) continue
    if (marker === 0xd9) return { ...out, problem: 'the file ends (EOI marker) before any image data' }
    if (offset + 2 > bytes.length) break
    const length = bytes.readUInt16BE(offset)
    if (length < 2) return { ...out, problem: `damaged header: segment at byte ${offset - 2} has length ${length}` }
    const end = offset + length
    if (marker === 0xda) {
      out.scanOffset = markerAt - 1
      break
    }
    if (end > bytes.length) break
    const dataStart = offset + 2
    if (isStartOfFrame(marker) && length >= 7) {
      out.height = bytes.readUInt16BE(dataStart + 1)
      out.width = bytes.readUInt16BE(dataStart + 3)
    } else if (marker === 0xe1 && !out.exif && startsWith(bytes, dataStart, exifId)) {
      out.exif = bytes.subarray(dataStart + exifId.length, end)
    } else if (marker === 0xe1 && !out.xmp && startsWith(bytes, dataStart, xmpId)) {
      out.xmp = bytes.subarray(dataStart + xmpId.length, end)
    } else if (marker === 0xe1 && startsWith(bytes, dataStart, xmpExtensionId)) {
      addExtendedPart(extended, bytes.subarray(dataStart + xmpExtensionId.length, end))
    } else if (marker === 0xed && startsWith(bytes, dataStart, photoshopId)) {
      irbParts.push(bytes.subarray(dataStart + photoshopId.length, end))
    }
    offset = end
  }
  const xmpExtended = assembleExtended(extended)
  if (xmpExtended) out.xmpExtended = xmpExtended
  if (irbParts.length > 0) out.irb = irbParts.length === 1 ? irbParts[0] : Buffer.concat(irbParts)
  if (out.scanOffset === undefined) {
    if (bytes.length < fileSize) return { ...out, needBytes: Math.min(fileSize, Math.max(bytes.length * 2, 1 << 20)) }
    return { ...out, problem: 'truncated: the file ends inside its header, before any image data' }
  }
  if (out.width === undefined || out.height === undefined)
    return { ...out, problem: 'damaged header: no frame size (SOF marker)' }
  return out
}

interface ExtendedParts {
  guid?: string
  fullLength?: number
  parts: { offset: number; data: Buffer }[]
}

/** A part: 32-character GUID, full length, offset of this part, data. Other GUIDs are ignored. */
function addExtendedPart(into: ExtendedParts, part: Buffer): void {
  if (part.length < 40) return
  const guid = part.toString('latin1', 0, 32)
  if (into.guid !== undefined && guid !== into.guid) return
  into.guid = guid
  into.fullLength = part.readUInt32BE(32)
  into.parts.push({ offset: part.readUInt32BE(36), data: part.subarray(40) })
}

function assembleExtended(parts: ExtendedParts): Buffer | undefined {
  const { fullLength } = parts
  if (fullLength === undefined || fullLength > 64 << 20 || parts.parts.length === 0) return undefined
  const out = Buffer.alloc(fullLength)
  let filled = 0
  for (const { offset, data } of parts.parts) {
    if (offset + data.length > fullLength) return undefined
    filled += data.copy(out, offset)
  }
  // A part is missing (the file was cut or edited by a tool that dropped it): ignore the rest.
  return filled === fullLength ? out : undefined
}
