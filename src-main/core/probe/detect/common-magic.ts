/**
 * The formats of a typical drop besides JPEG (PNG, PDF, the ISO family: HEIC, AVIF, MP4, MOV,
 * 3GP; RIFF: WebP, AVI, WAV; Matroska/WebM, Ogg, FLV), decided from their first bytes exactly
 * as file-type decides them (file-type 21, core.js `detectConfident`), without loading it.
 *
 * Why: file-type's one detection function is large, and running it for every file makes V8
 * compile it with TurboFan; with its tokenizer and a buffer per call it cost more CPU in the
 * ingest bench than all our own readers of those formats. Anything unusual here (a malformed
 * chunk, an unknown DocType, a signature an earlier file-type check could also claim) returns
 * undefined, and file-type decides as before. `common-magic.test.ts` compares both on real files.
 */

export interface Sniffed {
  mime: string
  ext: string
}

const ascii = (head: Buffer, from: number, to: number): string => head.toString('latin1', from, to)

/** file-type's major-brand table for an `ftyp` box (everything else is `video/mp4`). */
const brands: Record<string, Sniffed> = {
  avif: { ext: 'avif', mime: 'image/avif' },
  avis: { ext: 'avif', mime: 'image/avif' },
  mif1: { ext: 'heic', mime: 'image/heif' },
  msf1: { ext: 'heic', mime: 'image/heif-sequence' },
  heic: { ext: 'heic', mime: 'image/heic' },
  heix: { ext: 'heic', mime: 'image/heic' },
  hevc: { ext: 'heic', mime: 'image/heic-sequence' },
  hevx: { ext: 'heic', mime: 'image/heic-sequence' },
  qt: { ext: 'mov', mime: 'video/quicktime' },
  M4V: { ext: 'm4v', mime: 'video/x-m4v' },
  M4VH: { ext: 'm4v', mime: 'video/x-m4v' },
  M4VP: { ext: 'm4v', mime: 'video/x-m4v' },
  M4P: { ext: 'm4p', mime: 'video/mp4' },
  M4B: { ext: 'm4b', mime: 'audio/mp4' },
  M4A: { ext: 'm4a', mime: 'audio/x-m4a' },
  F4V: { ext: 'f4v', mime: 'video/mp4' },
  F4P: { ext: 'f4p', mime: 'video/mp4' },
  F4A: { ext: 'f4a', mime: 'audio/mp4' },
  F4B: { ext: 'f4b', mime: 'audio/mp4' },
  crx: { ext: 'cr3', mime: 'image/x-canon-cr3' },
}

function isoBrand(head: Buffer): Sniffed | undefined {
  // A box size under 256 (00 00 00 xx): no shorter file-type signature can match those bytes.
  if (head.length < 12 || head[0] !== 0 || head[1] !== 0 || head[2] !== 0 || ascii(head, 4, 8) !== 'ftyp') return
  if (((head[8] as number) & 0x60) === 0) return undefined
  const major = ascii(head, 8, 12).replace('\0', ' ').trim()
  const known = brands[major]
  if (known) return known
  if (major.startsWith('3g2')) return { ext: '3g2', mime: 'video/3gpp2' }
  if (major.startsWith('3g')) return { ext: '3gp', mime: 'video/3gpp' }
  return { ext: 'mp4', mime: 'video/mp4' }
}

/** PNG or APNG: an `acTL` chunk before the first `IDAT`. Anything odd is left to file-type. */
function png(head: Buffer): Sniffed | undefined {
  let at = 8
  for (let chunks = 0; chunks < 64 && at + 8 <= head.length; chunks++) {
    const length = head.readInt32BE(at)
    const type = ascii(head, at + 4, at + 8)
    if (length < 0 || (type === 'IHDR' && length !== 13) || (chunks === 0 && type !== 'IHDR')) return undefined
    if (type === 'IDAT') return { ext: 'png', mime: 'image/png' }
    if (type === 'acTL') return { ext: 'apng', mime: 'image/apng' }
    at += 8 + length + 4
  }
  return undefined
}

/** EBML element ID or size field: its length from the first byte's leading zeros (1–8 bytes). */
function vint(head: Buffer, at: number, keepMarker: boolean): { value: number; next: number } | undefined {
  const first = head[at]
  if (first === undefined || first === 0) return undefined
  const length = Math.clz32(first) - 23
  if (at + length > head.length || length > 6) return undefined
  let value = keepMarker ? first : first & (0xff >> length)
  for (let i = 1; i < length; i++) value = value * 256 + (head[at + i] as number)
  return { value, next: at + length }
}

/** Matroska or WebM by the EBML header's DocType, read as file-type reads it. */
function ebml(head: Buffer): Sniffed | undefined {
  const size = vint(head, 4, false)
  if (!size) return undefined
  let at = size.next
  const end = Math.min(head.length, at + size.value)
  while (at < end) {
    const id = vint(head, at, true)
    const length = id && vint(head, id.next, false)
    if (!id || !length || length.next + length.value > head.length) return undefined
    if (id.value === 0x4282) {
      const docType = ascii(head, length.next, length.next + length.value).replace(/\0.*$/, '')
      if (docType === 'webm') return { ext: 'webm', mime: 'video/webm' }
      if (docType === 'matroska') return { ext: 'mkv', mime: 'video/matroska' }
      return undefined
    }
    at = length.next + length.value
  }
  return undefined
}

/** The first Ogg page's codec header, file-type's table. */
const oggCodecs: [bytes: number[], type: Sniffed][] = [
  [[0x4f, 0x70, 0x75, 0x73, 0x48, 0x65, 0x61, 0x64], { ext: 'opus', mime: 'audio/ogg; codecs=opus' }],
  [[0x80, 0x74, 0x68, 0x65, 0x6f, 0x72, 0x61], { ext: 'ogv', mime: 'video/ogg' }],
  [[0x01, 0x76, 0x69, 0x64, 0x65, 0x6f, 0x00], { ext: 'ogm', mime: 'video/ogg' }],
  [[0x7f, 0x46, 0x4c, 0x41, 0x43], { ext: 'oga', mime: 'audio/ogg' }],
  [[0x53, 0x70, 0x65, 0x65, 0x78, 0x20, 0x20], { ext: 'spx', mime: 'audio/ogg' }],
  [[0x01, 0x76, 0x6f, 0x72, 0x62, 0x69, 0x73], { ext: 'ogg', mime: 'audio/ogg' }],
]

function ogg(head: Buffer): Sniffed | undefined {
  if (head.length < 36) return undefined
  const found = oggCodecs.find(([bytes]) => bytes.every((b, i) => head[28 + i] === b))
  return found ? found[1] : { ext: 'ogx', mime: 'application/ogg' }
}

function riff(head: Buffer): Sniffed | undefined {
  const form = ascii(head, 8, 12)
  if (form === 'WEBP') return { ext: 'webp', mime: 'image/webp' }
  if (form.startsWith('AVI')) return { ext: 'avi', mime: 'video/vnd.avi' }
  if (form === 'WAVE') return { ext: 'wav', mime: 'audio/wav' }
  return undefined
}

export function sniffCommon(head: Buffer): Sniffed | undefined {
  if (head.length < 12) return undefined
  const four = ascii(head, 0, 4)
  if (four === '\x89PNG' && ascii(head, 4, 8) === '\r\n\x1a\n') return png(head)
  if (four === '%PDF') return { ext: 'pdf', mime: 'application/pdf' }
  if (four === 'RIFF') return riff(head)
  if (four === '\x1a\x45\xdf\xa3') return ebml(head)
  if (four === 'OggS') return ogg(head)
  if (four === 'FLV\x01') return { ext: 'flv', mime: 'video/x-flv' }
  return isoBrand(head)
}
