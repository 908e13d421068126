/** MediaInfo's tracks as ContainerFacts, for the containers our own readers do not cover. */
import { degreesNorthEast } from '../metadata/gps'
import type { EmbeddedMetadata } from '../../model/probe-facts'
import type { ContainerFacts } from './container-facts'
import { presentFields } from './present-fields'
import type { Track } from './mediainfo-reader'

const codecNames: Record<string, string> = {
  AVC: 'h264',
  HEVC: 'hevc',
  VP8: 'vp8',
  VP9: 'vp9',
  AV1: 'av1',
  'MPEG-4 Visual': 'mpeg4',
  'MPEG Video': 'mpeg2video',
  ProRes: 'prores',
  JPEG: 'mjpeg',
  DV: 'dvvideo',
  'VC-1': 'vc1',
  Theora: 'theora',
  'H.263': 'h263',
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN
  return Number.isFinite(n) ? n : undefined
}

/** `2024-05-06 07:08:09 UTC` (MediaInfo) -> `2024-05-06T07:08:09Z`. */
function mediaInfoDate(value: unknown): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(UTC)?/.exec(str(value) ?? '')
  if (!m || m[1] === '1904' || m[1] === '1970') return undefined
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ? 'Z' : ''}`
}

/** Tags MediaInfo has no field for (FLV's onMetaData, Ogg comments) land in `extra`. */
const extra = (track: Track): Record<string, unknown> =>
  typeof track.extra === 'object' && track.extra !== null ? (track.extra as Record<string, unknown>) : {}

function keywordsOf(value: string | undefined): string[] | undefined {
  const list = value
    ?.split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0)
  return list && list.length > 0 ? list : undefined
}

function embeddedOf(general: Track | undefined): EmbeddedMetadata | undefined {
  if (!general) return undefined
  return presentFields({
    title: str(general.Title) ?? str(general.Movie),
    description: str(general.Description) ?? str(extra(general).description) ?? str(general.Comment),
    creator: str(general.Performer) ?? str(general.Artist) ?? str(general.Director),
    copyright: str(general.Copyright),
    keywords: keywordsOf(
      str(general.Keywords) ?? str((general.extra as Record<string, unknown> | undefined)?.keywords),
    ),
    dateTaken: mediaInfoDate(general.Recorded_Date) ?? mediaInfoDate(general.Encoded_Date),
    gps: degreesNorthEast(str(general.Recorded_Location)),
  })
}

export function factsFromMediaInfo(tracks: Track[]): ContainerFacts {
  const general = tracks.find((t) => t['@type'] === 'General')
  const video = tracks.find((t) => t['@type'] === 'Video')
  const facts: ContainerFacts = {
    hasVideo: video !== undefined,
    hasAudio: tracks.some((t) => t['@type'] === 'Audio'),
    embedded: embeddedOf(general),
  }
  const duration = num(general?.Duration) ?? num(video?.Duration)
  if (duration !== undefined) facts.duration = duration
  if (general && (general.IsTruncated ?? extra(general).IsTruncated) === 'Yes')
    facts.problem = 'the file ends before the media data its header describes'
  if (!video) return facts
  const height = num(video.Height)
  // Players stretch the coded picture by its pixel aspect (a DVB or DVD clip's 720x576 shows
  // 1024x576); MediaInfo states it to three decimals, within a pixel at any width we meet.
  const par = num(video.PixelAspectRatio)
  const coded = num(video.Width)
  const width = coded !== undefined && par && Math.abs(par - 1) > 0.001 ? Math.round(coded * par) : coded
  const rotation = Math.round(num(video.Rotation) ?? 0)
  if (width !== undefined && height !== undefined) {
    ;[facts.width, facts.height] = Math.abs(rotation % 180) === 90 ? [height, width] : [width, height]
  }
  const format = str(video.Format)
  if (format) facts.codec = codecNames[format] ?? format.toLowerCase()
  return facts
}
