/**
 * Video facts from the start of a Matroska/WebM file (EBML; RFC 9559): Segment Info (duration,
 * title, date) and Tracks (codec, pixel and display size) come before the first Cluster in
 * every muxer we know, so the bytes already read for hashing are enough. When they are not
 * there (or the duration is missing, as in live recordings) MediaInfo takes over.
 */
import { fillGaps } from '../metadata/plain-text'
import { endsEarly, type ContainerFacts } from './container-facts'
import { elements, float, text, uint, type Element } from './ebml'
import { readMatroskaTags } from './matroska-tags'

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  tracks: 0x1654ae6b,
  cluster: 0x1f43b675,
  tags: 0x1254c367,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  title: 0x7ba9,
  dateUtc: 0x4461,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  displayWidth: 0x54b0,
  displayHeight: 0x54ba,
  displayUnit: 0x54b2,
} as const

const codecs: Record<string, string> = {
  V_VP8: 'vp8',
  V_VP9: 'vp9',
  V_AV1: 'av1',
  'V_MPEG4/ISO/AVC': 'h264',
  'V_MPEGH/ISO/HEVC': 'hevc',
  'V_MPEG4/ISO/ASP': 'mpeg4',
  V_MPEG2: 'mpeg2video',
  V_THEORA: 'theora',
  V_MJPEG: 'mjpeg',
  V_PRORES: 'prores',
}

const within = (e: Element, limit: number): boolean => e.end !== undefined && e.end <= limit

/** Facts from the head of the file; undefined when Info and Tracks are not both in it. */
export function readMatroskaHead(head: Buffer, fileSize?: number): ContainerFacts | undefined {
  const top = elements(head, 0, head.length)
  const ebml = top.next().value
  const segment = top.next().value
  if (ebml?.id !== ID.ebml || segment?.id !== ID.segment) return undefined
  let info: Element | undefined
  let tracks: Element | undefined
  for (const e of elements(head, segment.start, Math.min(segment.end ?? head.length, head.length))) {
    if (e.id === ID.cluster || !within(e, head.length)) break
    if (e.id === ID.info) info = e
    if (e.id === ID.tracks) tracks = e
    if (info && tracks) break
  }
  if (!info || !tracks) return undefined
  const tagsElement = [...elements(head, segment.start, Math.min(segment.end ?? head.length, head.length))].find(
    (e) => e.id === ID.tags && within(e, head.length),
  )
  let scale = 1_000_000
  let rawDuration: number | undefined
  const facts: ContainerFacts = { hasVideo: false, hasAudio: false }
  for (const e of elements(head, info.start, info.end ?? head.length)) {
    if (e.id === ID.timestampScale) scale = uint(head, e)
    else if (e.id === ID.duration) rawDuration = float(head, e)
    else if (e.id === ID.title) facts.embedded = { ...facts.embedded, title: text(head, e) }
  }
  if (rawDuration !== undefined && rawDuration > 0) facts.duration = (rawDuration * scale) / 1e9
  // ffmpeg and mkvmerge write the Segment's size once the file is complete: a copy cut short ends before it.
  const cut = fileSize !== undefined && segment.end !== undefined ? endsEarly(fileSize, segment.end) : undefined
  if (cut) facts.problem = cut
  if (tagsElement) facts.embedded = fillGaps({ ...facts.embedded }, readMatroskaTags(head, tagsElement))
  for (const entry of elements(head, tracks.start, tracks.end ?? head.length)) {
    if (entry.id !== ID.trackEntry) continue
    let type = 0
    let codec: string | undefined
    let pixel: [number, number] = [0, 0]
    let display: [number, number] = [0, 0]
    let displayUnit = 0
    for (const e of elements(head, entry.start, entry.end ?? head.length)) {
      if (e.id === ID.trackType) type = uint(head, e)
      else if (e.id === ID.codecId) codec = text(head, e)
      else if (e.id === ID.video) {
        for (const v of elements(head, e.start, e.end ?? head.length)) {
          if (v.id === ID.pixelWidth) pixel = [uint(head, v), pixel[1]]
          else if (v.id === ID.pixelHeight) pixel = [pixel[0], uint(head, v)]
          else if (v.id === ID.displayWidth) display = [uint(head, v), display[1]]
          else if (v.id === ID.displayHeight) display = [display[0], uint(head, v)]
          else if (v.id === ID.displayUnit) displayUnit = uint(head, v)
        }
      }
    }
    if (type === 2) facts.hasAudio = true
    if (type !== 1 || facts.hasVideo) continue
    facts.hasVideo = true
    // Display size counts only in pixels (unit 0); other units describe an aspect ratio.
    const [width, height] = displayUnit === 0 && display[0] && display[1] ? display : pixel
    if (width && height) [facts.width, facts.height] = [width, height]
    if (codec) facts.codec = codecs[codec] ?? codec.replace(/^V_/, '').toLowerCase()
  }
  return facts
}
