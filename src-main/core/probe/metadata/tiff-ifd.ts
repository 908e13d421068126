/**
 * The metadata tags of a TIFF's first IFD (TIFF 6.0 §2; XMP spec part 3 §1.1.4; IPTC-NAA and
 * Photoshop tags as ExifTool documents them): XMP (700), IPTC-IIM (33723) and Photoshop image
 * resources (34377). Camera RAW formats built on TIFF keep them in the same place. Values are
 * read at their offsets, so the file need not be in memory.
 */
import type { ReadAt } from '../video/bmff-boxes'
import { IRB_IPTC, readImageResources } from './photoshop-irb'

export interface TiffBlocks {
  xmp?: Buffer
  /** Photoshop image resources when present (they carry the MWG digest), else the bare IIM. */
  iptc?: Buffer
}

const typeSize: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 13: 4 }
const wanted = new Set([700, 33723, 34377])
const maxValue = 16 << 20

export async function readTiffBlocks(readAt: ReadAt, fileSize: number): Promise<TiffBlocks> {
  const header = await readAt(0, 8)
  if (header.length < 8) return {}
  const order = header.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return {}
  const le = order === 'II'
  const u16 = (b: Buffer, at: number): number => (le ? b.readUInt16LE(at) : b.readUInt16BE(at))
  const u32 = (b: Buffer, at: number): number => (le ? b.readUInt32LE(at) : b.readUInt32BE(at))
  if (u16(header, 2) !== 42) return {} // BigTIFF (43) and ORF/RW2 variants: no metadata read here
  const ifd = u32(header, 4)
  if (ifd + 2 > fileSize) return {}
  const count = u16(await readAt(ifd, 2), 0)
  const entries = await readAt(ifd + 2, count * 12)
  const values = new Map<number, Buffer>()
  for (let i = 0; i + 12 <= entries.length; i += 12) {
    const tag = u16(entries, i)
    if (!wanted.has(tag)) continue
    const bytes = (typeSize[u16(entries, i + 2)] ?? 1) * u32(entries, i + 4)
    if (bytes === 0 || bytes > maxValue) continue
    const value = bytes <= 4 ? entries.subarray(i + 8, i + 8 + bytes) : await readAt(u32(entries, i + 8), bytes)
    if (value.length === bytes) values.set(tag, value)
  }
  const out: TiffBlocks = {}
  if (values.has(700)) out.xmp = values.get(700)
  const irb = values.get(34377)
  const iim = values.get(33723)
  if (irb && readImageResources(irb).has(IRB_IPTC)) out.iptc = irb
  // exiftool (and Photoshop) keep the IIM in its own tag and only the MWG digest in the
  // resources: put the two together so the digest check sees both.
  else if (irb && iim) out.iptc = Buffer.concat([irb, iimResource(iim)])
  else if (iim) out.iptc = iim
  return out
}

/** An image resource block holding the IIM: `8BIM`, id 0x0404, empty name, size, data padded to even. */
function iimResource(iim: Buffer): Buffer {
  const head = Buffer.alloc(12)
  head.write('8BIM', 0, 'latin1')
  head.writeUInt16BE(IRB_IPTC, 4)
  head.writeUInt32BE(iim.length, 8)
  return Buffer.concat([head, iim, Buffer.alloc(iim.length % 2)])
}
