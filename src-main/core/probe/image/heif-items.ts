/**
 * Size of a HEIF/AVIF file from its boxes when libheif (through sharp) will not open it, as
 * with image sequences (`avis`/`msf1` brands) and some multi-image files: the primary item's
 * `ispe` (ISO/IEC 23008-12 §6.5.3, with `irot` turning it), or else the first picture track of
 * the sequence's `moov`. Such a file is a valid picture, not a damaged one.
 */
import { boxes, child as find, type Box } from '../video/iso-boxes'
import { readMovie } from '../video/iso-movie'

/** Property indexes (1-based) associated with `item` in `ipma`. */
function associations(buf: Buffer, ipma: Box, item: number): number[] {
  const version = buf[ipma.start] as number
  const flags = buf.readUIntBE(ipma.start + 1, 3)
  let at = ipma.start + 4
  const count = buf.readUInt32BE(at)
  at += 4
  for (let i = 0; i < count && at < ipma.end; i++) {
    const id = version < 1 ? buf.readUInt16BE(at) : buf.readUInt32BE(at)
    at += version < 1 ? 2 : 4
    const n = buf[at++] as number
    const out: number[] = []
    for (let k = 0; k < n; k++) {
      const v = flags & 1 ? buf.readUInt16BE(at) & 0x7fff : (buf[at] as number) & 0x7f
      at += flags & 1 ? 2 : 1
      out.push(v)
    }
    if (id === item) return out
  }
  return []
}

function primaryItemSize(buf: Buffer, meta: Box): { width: number; height: number } | undefined {
  const body = { ...meta, start: meta.start + 4 }
  const pitm = find(buf, body, 'pitm')
  const iprp = find(buf, body, 'iprp')
  const ipco = iprp && find(buf, iprp, 'ipco')
  const ipma = iprp && find(buf, iprp, 'ipma')
  if (!pitm || !ipco || !ipma) return undefined
  const item = buf[pitm.start] === 0 ? buf.readUInt16BE(pitm.start + 4) : buf.readUInt32BE(pitm.start + 4)
  const properties = [...boxes(buf, ipco.start, ipco.end)]
  let size: { width: number; height: number } | undefined
  let turned = false
  for (const index of associations(buf, ipma, item)) {
    const p = properties[index - 1]
    if (p?.type === 'ispe' && p.start + 12 <= p.end)
      size = { width: buf.readUInt32BE(p.start + 4), height: buf.readUInt32BE(p.start + 8) }
    if (p?.type === 'irot') turned = ((buf[p.start] as number) & 3) % 2 === 1
  }
  return size && (turned ? { width: size.height, height: size.width } : size)
}

/**
 * Displayed size, whether it is a sequence, and a sequence's codec (an `msf1` file may hold
 * HEVC too); undefined when neither an item nor a track has a size.
 */
export function heifSize(
  file: Buffer,
): { width: number; height: number; sequence: boolean; codec?: string } | undefined {
  const top = [...boxes(file, 0, file.length)]
  const meta = top.find((b) => b.type === 'meta')
  const moov = top.find((b) => b.type === 'moov')
  const fromItem = meta && primaryItemSize(file, meta)
  if (fromItem?.width && fromItem.height) return { ...fromItem, sequence: moov !== undefined }
  const movie = moov && readMovie(file.subarray(moov.start - 8, moov.end))
  if (movie?.width && movie.height)
    return { width: movie.width, height: movie.height, sequence: true, codec: movie.codec }
  return undefined
}
