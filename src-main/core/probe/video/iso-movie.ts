/**
 * Video facts straight from an MP4/MOV/3GP `moov` box (ISO/IEC 14496-12 §8; QuickTime File
 * Format for `udta` and `mdta` metadata): duration from `mvhd` (or `mehd` when fragmented),
 * the video track's display size and rotation from `tkhd`, its codec from `stsd`, and title,
 * comment, place and date where cameras and phones put them. The common case costs one read
 * of the index; anything this reader does not understand goes to MediaInfo instead.
 */
import type { EmbeddedMetadata } from '../types'
import { iso6709 } from '../metadata/gps'
import type { ContainerFacts } from './container-facts'
import { presentFields } from './present-fields'

interface Box {
  type: string
  /** Content start (after the header) and end. */
  start: number
  end: number
}

function* boxes(buf: Buffer, from: number, to: number): Generator<Box> {
  let at = from
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    let header = 8
    if (size === 1 && at + 16 <= to) {
      size = Number(buf.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) return
    yield { type, start: at + header, end: at + size }
    at += size
  }
}

const child = (buf: Buffer, parent: Box, type: string): Box | undefined => {
  for (const b of boxes(buf, parent.start, parent.end)) if (b.type === type) return b
  return undefined
}

const codecs: Record<string, string> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  mp4v: 'mpeg4',
  av01: 'av1',
  vp08: 'vp8',
  vp09: 'vp9',
  s263: 'h263',
  h263: 'h263',
  jpeg: 'mjpeg',
  mjpa: 'mjpeg',
  mjpb: 'mjpeg',
  apch: 'prores',
  apcn: 'prores',
  apcs: 'prores',
  apco: 'prores',
  ap4h: 'prores',
  ap4x: 'prores',
}

/** Seconds since 1904-01-01 (QuickTime epoch) as ISO 8601 UTC; 0 means unset. */
function macDate(seconds: number): string | undefined {
  if (seconds <= 0) return undefined
  const ms = (seconds - 2_082_844_800) * 1000
  return ms > 0 ? new Date(ms).toISOString().replace('.000Z', 'Z') : undefined
}

/** Duration and time scale of an `mvhd`/`mdhd`, and the creation time. */
function header(buf: Buffer, box: Box): { scale: number; duration: number; created: number } {
  const v1 = buf[box.start] === 1
  const at = box.start + 4
  return v1
    ? {
        created: Number(buf.readBigUInt64BE(at)),
        scale: buf.readUInt32BE(at + 16),
        duration: Number(buf.readBigUInt64BE(at + 20)),
      }
    : { created: buf.readUInt32BE(at), scale: buf.readUInt32BE(at + 8), duration: buf.readUInt32BE(at + 12) }
}

interface Track {
  kind: string
  width: number
  height: number
  rotation: number
  codec?: string
}

function track(buf: Buffer, trak: Box): Track | undefined {
  const tkhd = child(buf, trak, 'tkhd')
  const mdia = child(buf, trak, 'mdia')
  const hdlr = mdia && child(buf, mdia, 'hdlr')
  if (!tkhd || !hdlr) return undefined
  const kind = buf.toString('latin1', hdlr.start + 8, hdlr.start + 12)
  const matrix = tkhd.start + 4 + (buf[tkhd.start] === 1 ? 32 : 20) + 16
  if (matrix + 44 > tkhd.end) return undefined
  const a = buf.readInt32BE(matrix) / 65536
  const b = buf.readInt32BE(matrix + 4) / 65536
  const rotation = (Math.round((Math.atan2(b, a) * 180) / Math.PI / 90) * 90 + 360) % 360
  let width = Math.round(buf.readUInt32BE(matrix + 36) / 65536)
  let height = Math.round(buf.readUInt32BE(matrix + 40) / 65536)
  const stsd = ['minf', 'stbl', 'stsd'].reduce<Box | undefined>((box, type) => box && child(buf, box, type), mdia)
  const entry = stsd ? boxes(buf, stsd.start + 8, stsd.end).next().value : undefined
  const codec = entry ? (codecs[entry.type] ?? entry.type.trim()) : undefined
  if ((!width || !height) && entry && entry.start + 28 <= entry.end) {
    width = buf.readUInt16BE(entry.start + 24)
    height = buf.readUInt16BE(entry.start + 26)
  }
  return { kind, width, height, rotation, codec }
}

/** The value of an `ilst` item: its `data` box after type and locale. */
function itemText(buf: Buffer, item: Box): string | undefined {
  const data = child(buf, item, 'data')
  if (!data || data.end - data.start <= 8 || buf.readUInt32BE(data.start) !== 1) return undefined
  return buf.toString('utf8', data.start + 8, data.end).trim() || undefined
}

/** udta: `©nam`/`©cmt`/`©xyz` QuickTime strings, and `meta/ilst` (iTunes style) items. */
function userData(buf: Buffer, udta: Box, into: Map<string, string>): void {
  for (const b of boxes(buf, udta.start, udta.end)) {
    if (b.type.startsWith('\xa9') && b.end - b.start > 4) {
      const length = buf.readUInt16BE(b.start)
      if (length > 0 && b.start + 4 + length <= b.end)
        into.set(b.type, buf.toString('utf8', b.start + 4, b.start + 4 + length).trim())
    } else if (b.type === 'meta') metadata(buf, { ...b, start: b.start + 4 }, into)
    else if (b.type === 'loci') location(buf, b, into)
  }
}

/** 3GPP `loci` (TS 26.244 §8.13): name, role, then longitude, latitude, altitude as 16.16 fixed. */
function location(buf: Buffer, loci: Box, into: Map<string, string>): void {
  const nameEnd = buf.indexOf(0, loci.start + 6)
  const at = nameEnd + 2
  if (nameEnd < 0 || at + 12 > loci.end) return
  const longitude = buf.readInt32BE(at) / 65536
  const latitude = buf.readInt32BE(at + 4) / 65536
  const altitude = buf.readInt32BE(at + 8) / 65536
  const sign = (n: number): string => (n < 0 ? '-' : '+') + Math.abs(n).toFixed(6)
  into.set('\xa9xyz', `${sign(latitude)}${sign(longitude)}${altitude ? sign(altitude) : ''}/`)
}

/** meta: `ilst` items by four-character code, or by `keys` name (`mdta`, as iPhones write). */
function metadata(buf: Buffer, meta: Box, into: Map<string, string>): void {
  const keys: string[] = []
  const keysBox = child(buf, meta, 'keys')
  if (keysBox)
    for (const k of boxes(buf, keysBox.start + 8, keysBox.end)) keys.push(buf.toString('utf8', k.start, k.end))
  const ilst = child(buf, meta, 'ilst')
  if (!ilst) return
  for (const item of boxes(buf, ilst.start, ilst.end)) {
    const text = itemText(buf, item)
    if (!text) continue
    const index = buf.readUInt32BE(item.start - 4)
    into.set(keysBox && index >= 1 && index <= keys.length ? (keys[index - 1] as string) : item.type, text)
  }
}

function embeddedOf(tags: Map<string, string>, created: string | undefined): EmbeddedMetadata | undefined {
  return presentFields({
    title: tags.get('\xa9nam') ?? tags.get('com.apple.quicktime.title'),
    description: tags.get('\xa9des') ?? tags.get('com.apple.quicktime.description') ?? tags.get('\xa9cmt'),
    creator: tags.get('\xa9ART') ?? tags.get('com.apple.quicktime.author'),
    copyright: tags.get('cprt') ?? tags.get('\xa9cpy') ?? tags.get('com.apple.quicktime.copyright'),
    gps: iso6709(tags.get('\xa9xyz') ?? tags.get('com.apple.quicktime.location.ISO6709')),
    dateTaken: tags.get('com.apple.quicktime.creationdate') ?? created,
  })
}

/** Facts from a whole `moov` box (its bytes, header included); undefined when it is not understood. */
export function readMovie(moovBytes: Buffer): ContainerFacts | undefined {
  const moov = boxes(moovBytes, 0, moovBytes.length).next().value
  if (!moov || moov.type !== 'moov') return undefined
  const mvhd = child(moovBytes, moov, 'mvhd')
  if (!mvhd) return undefined
  const movie = header(moovBytes, mvhd)
  let duration = movie.scale > 0 ? movie.duration / movie.scale : 0
  const mehd = ['mvex', 'mehd'].reduce<Box | undefined>((box, type) => box && child(moovBytes, box, type), moov)
  if (!duration && mehd && movie.scale > 0) {
    const v1 = moovBytes[mehd.start] === 1
    duration =
      (v1 ? Number(moovBytes.readBigUInt64BE(mehd.start + 4)) : moovBytes.readUInt32BE(mehd.start + 4)) / movie.scale
  }
  const tracks: Track[] = []
  const tags = new Map<string, string>()
  for (const b of boxes(moovBytes, moov.start, moov.end)) {
    if (b.type === 'trak') {
      const t = track(moovBytes, b)
      if (t) tracks.push(t)
    } else if (b.type === 'udta') userData(moovBytes, b, tags)
    else if (b.type === 'meta') metadata(moovBytes, b, tags)
  }
  const video = tracks.find((t) => t.kind === 'vide')
  const facts: ContainerFacts = {
    hasVideo: video !== undefined,
    hasAudio: tracks.some((t) => t.kind === 'soun'),
    embedded: embeddedOf(tags, macDate(movie.created)),
  }
  if (duration > 0) facts.duration = duration
  if (video) {
    const turned = video.rotation === 90 || video.rotation === 270
    if (video.width && video.height)
      [facts.width, facts.height] = turned ? [video.height, video.width] : [video.width, video.height]
    if (video.codec) facts.codec = video.codec
  }
  return facts
}
