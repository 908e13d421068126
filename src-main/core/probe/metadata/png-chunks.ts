/**
 * The chunks of a whole PNG file (PNG spec 3rd ed. §5, §11.3): metadata from iTXt XMP
 * (`XML:com.adobe.xmp`), eXIf, ImageMagick's "Raw profile type exif/iptc" and the text keywords
 * (Title, Description, Author, Copyright, Comment), and whether the chunks that hold the
 * picture are intact. A critical chunk whose CRC does not match is what libpng refuses to
 * decode, so checking CRCs finds undecodable pixels without decoding any.
 */
import { crc32, inflateSync } from 'node:zlib'
import type { PlainText } from './plain-text'

export interface PngChunks {
  xmp?: Buffer
  exif?: Buffer
  iptc?: Buffer
  plain: PlainText
  /** Why the picture cannot be decoded, in words. */
  problem?: string
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const maxText = 1 << 20

function inflated(data: Buffer): Buffer | undefined {
  try {
    return inflateSync(data, { maxOutputLength: maxText * 4 })
  } catch {
    return undefined
  }
}

/** keyword, then the text as a Buffer (tEXt Latin-1, zTXt Latin-1 deflated, iTXt UTF-8). */
function textChunk(type: string, data: Buffer): { keyword: string; text: string; bytes: Buffer } | undefined {
  const nul = data.indexOf(0)
  if (nul < 1) return undefined
  const keyword = data.toString('latin1', 0, nul)
  if (type === 'tEXt') return { keyword, text: data.toString('latin1', nul + 1), bytes: data.subarray(nul + 1) }
  if (type === 'zTXt') {
    const bytes = inflated(data.subarray(nul + 2))
    return bytes && { keyword, text: bytes.toString('latin1'), bytes }
  }
  const compressed = data[nul + 1] === 1
  const langEnd = data.indexOf(0, nul + 3)
  const translatedEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1)
  if (translatedEnd < 0) return undefined
  const raw = data.subarray(translatedEnd + 1)
  const bytes = compressed ? inflated(raw) : raw
  return bytes && { keyword, text: bytes.toString('utf8'), bytes }
}

/** ImageMagick's hex profiles: "\n<name>\n <length>\n<hex lines>". */
function rawProfile(text: string): Buffer | undefined {
  const m = /^\s*\S+\s+(\d+)\s+([0-9a-fA-F\s]+)$/.exec(text)
  if (!m) return undefined
  const bytes = Buffer.from((m[2] as string).replace(/\s+/g, ''), 'hex')
  return bytes.length === Number(m[1]) ? bytes : undefined
}

const plainKeys: Record<string, keyof Omit<PlainText, 'keywords'>> = {
  title: 'title',
  description: 'description',
  author: 'creator',
  copyright: 'copyright',
}

export function readPngChunks(file: Buffer): PngChunks {
  const out: PngChunks = { plain: {} }
  if (file.length < 8 || !file.subarray(0, 8).equals(signature)) return { ...out, problem: 'no PNG signature' }
  let comment: string | undefined
  let at = 8
  while (at + 12 <= file.length) {
    const length = file.readUInt32BE(at)
    const type = file.toString('latin1', at + 4, at + 8)
    const end = at + 12 + length
    if (end > file.length) break
    const data = file.subarray(at + 8, at + 8 + length)
    const critical = (file[at + 4] as number) < 0x61
    if (critical && crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) {
      return { ...out, problem: `the ${type} chunk at byte ${at} is damaged (its checksum does not match)` }
    }
    if (type === 'eXIf') out.exif = data
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      const chunk = textChunk(type, data)
      const key = chunk?.keyword.toLowerCase()
      if (chunk && key === 'xml:com.adobe.xmp') out.xmp = chunk.bytes
      else if (chunk && key === 'raw profile type exif') out.exif ??= rawProfile(chunk.text)
      else if (chunk && (key === 'raw profile type iptc' || key === 'raw profile type 8bim'))
        out.iptc ??= rawProfile(chunk.text)
      else if (chunk && key === 'comment') comment = chunk.text
      else if (chunk && key !== undefined && plainKeys[key]) out.plain[plainKeys[key]] = chunk.text
    } else if (type === 'IEND') break
    at = end
  }
  out.plain.description ??= comment
  return out
}
