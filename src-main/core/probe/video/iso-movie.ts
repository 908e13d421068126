/**
 * Video facts straight from an MP4/MOV/3GP `moov` box (ISO/IEC 14496-12 §8; QuickTime File
 * Format for `udta` and `mdta` metadata): duration from `mvhd` (or `mehd` when fragmented),
 * the video track's display size and rotation from `tkhd`, its codec from `stsd`, and title,
 * comment, place and date where cameras and phones put them. The common case costs one read
 * of the index; anything this reader does not understand goes to MediaInfo instead.
 */
import type { EmbeddedMetadata } from '../../model/probe-facts'
import { iso6709 } from '../metadata/gps'
import type { ContainerFacts } from './container-facts'
import { lastSampleOffset } from './blank-frames'
import { boxes, child, type Box } from './iso-boxes'
import { presentFields } from './present-fields'

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
  /** From `stsz`; undefined when the track has no sample table. */
  samples?: number
  /** The largest chunk offset in `stco`/`co64`: where the track's last data starts. */
  lastChunk?: number
  /** Where the first and the last sample start (blank-frames.ts looks there). */
  firstSample?: number
  lastSample?: number
}

type SampleFacts = Pick<Track, 'samples' | 'lastChunk' | 'firstSample' | 'lastSample'>

/** Sample count (`stsz`/`stz2`), chunk offsets (`stco`/`co64`) and where samples start, ISO/IEC 14496-12 §8.7. */
function sampleTable(buf: Buffer, stbl: Box): SampleFacts {
  const out: SampleFacts = {}
  let stsz: Box | undefined
  let stsc: Box | undefined
  let lastEntry: number | undefined
  for (const b of boxes(buf, stbl.start, stbl.end)) {
    if ((b.type === 'stsz' || b.type === 'stz2') && b.start + 12 <= b.end) {
      out.samples = buf.readUInt32BE(b.start + 8)
      if (b.type === 'stsz') stsz = b
    } else if (b.type === 'stsc') stsc = b
    else if ((b.type === 'stco' || b.type === 'co64') && b.start + 8 <= b.end) {
      const count = buf.readUInt32BE(b.start + 4)
      const width = b.type === 'co64' ? 8 : 4
      let last = 0
      for (let i = 0, at = b.start + 8; i < count && at + width <= b.end; i++, at += width) {
        const offset = width === 8 ? Number(buf.readBigUInt64BE(at)) : buf.readUInt32BE(at)
        if (offset > last) last = offset
        if (i === 0) out.firstSample = offset
        lastEntry = offset
      }
      if (count > 0) out.lastChunk = last
    }
  }
  if (stsz && stsc && lastEntry !== undefined) out.lastSample = lastSampleOffset(buf, stsz, stsc, lastEntry)
  return out
}

function track(buf: Buffer, trak: Box): Track | undefined {
  const tkhd = child(buf, trak, 'tkhd')
  const mdia = child(buf, trak, 'mdia')
  const hdlr = mdia && child(buf, mdia, 'hdlr')
  if (!tkhd || !hdlr) return undefined
  const handler = buf.toString('latin1', hdlr.start + 8, hdlr.start + 12)
  // A HEIF/AVIF image sequence's track is a 'pict' track (ISO/IEC 23008-12 §7.2): pictures
  // with timing, read as a video track is, so a phone's HEIC burst has a size.
  const kind = handler === 'pict' ? 'vide' : handler
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
  const coded = kind === 'vide' && entry && entry.start + 28 <= entry.end ? codedSize(buf, entry) : undefined
  // Players show the coded picture stretched by its pixel aspect (`pasp`); the track header's
  // size is only a hint some muxers get wrong (a 352x288 3GP whose tkhd says 504x288).
  if (coded || ((!width || !height) && entry && entry.start + 28 <= entry.end)) {
    ;[width, height] = coded ?? [buf.readUInt16BE(entry!.start + 24), buf.readUInt16BE(entry!.start + 26)]
  }
  const stbl = ['minf', 'stbl'].reduce<Box | undefined>((box, type) => box && child(buf, box, type), mdia)
  return { kind, width, height, rotation, codec, ...(stbl ? sampleTable(buf, stbl) : {}) }
}

/** A visual sample entry's coded size (§12.1.3: 78 bytes of fields, then boxes) widened by its `pasp`. */
function codedSize(buf: Buffer, entry: Box): [number, number] | undefined {
  const width = buf.readUInt16BE(entry.start + 24)
  const height = buf.readUInt16BE(entry.start + 26)
  if (!width || !height) return undefined
  const pasp = entry.start + 78 <= entry.end ? child(buf, { ...entry, start: entry.start + 78 }, 'pasp') : undefined
  if (!pasp || pasp.start + 8 > pasp.end) return [width, height]
  const h = buf.readUInt32BE(pasp.start)
  const v = buf.readUInt32BE(pasp.start + 4)
  return h && v && h !== v ? [Math.round((width * h) / v), height] : [width, height]
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
    } else if (b.type === 'meta') metadata(buf, b, into)
    else if (b.type === 'loci') location(buf, b, into)
    else if (b.type === 'XMP_') into.set('XMP_', buf.toString('utf8', b.start, b.end))
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
function metadata(buf: Buffer, box: Box, into: Map<string, string>): void {
  // ISO's `meta` is a full box (4 bytes of version and flags before its children); QuickTime's,
  // which iPhones and ffmpeg write, is not. Both occur in moov and in udta.
  const iso = box.start + 8 <= box.end && buf.toString('latin1', box.start + 4, box.start + 8) !== 'hdlr'
  const meta = iso ? { ...box, start: box.start + 4 } : box
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

/** The first tag present: QuickTime `©` atoms, iTunes items, `mdta` keys (Apple's, or ffmpeg's bare names). */
function first(tags: Map<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = tags.get(name) ?? (name.includes('.') ? undefined : tags.get(`com.apple.quicktime.${name}`))
    if (value) return value
  }
  return undefined
}

function embeddedOf(tags: Map<string, string>, created: string | undefined): EmbeddedMetadata | undefined {
  const keywords = first(tags, 'keywords', '\xa9key', 'keyw')
  return presentFields({
    title: first(tags, '\xa9nam', 'title', 'displayname'),
    description: first(tags, '\xa9des', 'desc', 'description', '\xa9cmt', 'comment'),
    creator: first(tags, '\xa9ART', 'author', 'artist', '\xa9aut'),
    copyright: first(tags, 'cprt', '\xa9cpy', 'copyright'),
    keywords: keywords
      ?.split(/[,;]/)
      .map((k) => k.trim())
      .filter((k) => k.length > 0),
    gps: iso6709(first(tags, '\xa9xyz', 'location.ISO6709')),
    dateTaken: first(tags, 'creationdate') ?? created,
  })
}

/** Facts from a whole `moov` box (its bytes, header included); undefined when it is not understood. */
export function readMovie(moovBytes: Buffer, fileSize?: number): ContainerFacts | undefined {
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
  const xmp = tags.get('XMP_')
  if (xmp) facts.xmp = Buffer.from(xmp, 'utf8')
  if (duration > 0) facts.duration = duration
  if (video) {
    const turned = video.rotation === 90 || video.rotation === 270
    if (video.width && video.height)
      [facts.width, facts.height] = turned ? [video.height, video.width] : [video.width, video.height]
    if (video.codec) facts.codec = video.codec
    const problem = mediaDataProblem(video, child(moovBytes, moov, 'mvex') !== undefined, fileSize)
    if (problem) facts.problem = problem
    else if (video.firstSample !== undefined)
      facts.frameOffsets = [video.firstSample, video.lastSample ?? video.lastChunk ?? video.firstSample]
  }
  return facts
}

/**
 * A recording whose index promises what the bytes cannot hold: no frame at all, or frames
 * that start past the end of the file (a copy cut short after the index was written first).
 * Fragmented files keep their samples in `moof` boxes, so an empty table is normal there.
 */
function mediaDataProblem(video: Track, fragmented: boolean, fileSize: number | undefined): string | undefined {
  if (!fragmented && video.samples === 0) return 'the video track holds no frames'
  if (fileSize !== undefined && video.lastChunk !== undefined && video.lastChunk >= fileSize)
    return `its index points to frames at byte ${video.lastChunk}, but the file ends at byte ${fileSize}`
  return undefined
}
