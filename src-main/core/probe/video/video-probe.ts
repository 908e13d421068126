/**
 * Video facts: displayed size (rotation applied), duration in seconds, codec, and the few
 * descriptive tags containers carry. ISO-based files (MP4, MOV, 3GP) are checked box by box
 * first, so a recording that never got its index says so plainly instead of "unknown".
 */
import { open } from 'node:fs/promises'
import type { EmbeddedMetadata, ProbeError, ProbeWarning } from '../types'
import { degreesNorthEast } from '../metadata/gps'
import { walkTopLevelBoxes } from './bmff-boxes'
import type { MediaInfoReader, Track } from './mediainfo-reader'

export interface VideoFacts {
  width?: number
  height?: number
  duration?: number
  codec?: string
  embedded?: EmbeddedMetadata
  /** No picture inside (audio only): import as a file. */
  noVideoTrack?: boolean
  warnings: ProbeWarning[]
  error?: ProbeError
}

const isoBased = new Set(['video/mp4', 'video/x-m4v', 'video/quicktime', 'video/3gpp', 'video/3gpp2'])

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

function embeddedOf(general: Track | undefined): EmbeddedMetadata | undefined {
  if (!general) return undefined
  const out: EmbeddedMetadata = {}
  const title = str(general.Title) ?? str(general.Movie)
  const description = str(general.Description) ?? str(general.Comment)
  const creator = str(general.Performer) ?? str(general.Artist) ?? str(general.Director)
  const copyright = str(general.Copyright)
  const dateTaken = mediaInfoDate(general.Recorded_Date) ?? mediaInfoDate(general.Encoded_Date)
  const gps = degreesNorthEast(str(general.Recorded_Location))
  if (title) out.title = title
  if (description) out.description = description
  if (creator) out.creator = creator
  if (copyright) out.copyright = copyright
  if (dateTaken) out.dateTaken = dateTaken
  if (gps) out.gps = gps
  return Object.keys(out).length > 0 ? out : undefined
}

async function checkIsoStructure(path: string, size: number): Promise<ProbeError | undefined> {
  const handle = await open(path, 'r')
  try {
    const walk = await walkTopLevelBoxes(async (offset, length) => {
      const buf = Buffer.allocUnsafe(length)
      const { bytesRead } = await handle.read(buf, 0, length, offset)
      return buf.subarray(0, bytesRead)
    }, size)
    const hasIndex = walk.boxes.some((b) => b.type === 'moov')
    if (walk.truncated) {
      const what = hasIndex ? 'The copy is incomplete' : 'The recording was interrupted or the copy is incomplete'
      return {
        code: 'truncated',
        message: `Truncated video: ${walk.problem}. ${what}; copy it again from the source.`,
        canImportAsFile: true,
      }
    }
    if (walk.problem) {
      return {
        code: 'broken-header',
        message: `Broken video header: ${walk.problem}. The file is damaged.`,
        canImportAsFile: true,
      }
    }
    if (!hasIndex) {
      return {
        code: 'no-index',
        message:
          'The video has no index (no moov box): the recording was probably interrupted before the camera finished it. ' +
          'It cannot be played; recover it with a repair tool or import it as a file.',
        canImportAsFile: true,
      }
    }
    return undefined
  } finally {
    await handle.close()
  }
}

export async function probeVideo(
  path: string,
  mime: string,
  size: number,
  reader: MediaInfoReader,
): Promise<VideoFacts> {
  const warnings: ProbeWarning[] = []
  if (isoBased.has(mime)) {
    const error = await checkIsoStructure(path, size)
    if (error) return { warnings, error }
  }
  let tracks: Track[]
  try {
    tracks = await reader.analyze(path, size)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return {
      warnings,
      error: { code: 'broken-header', message: `The video could not be analysed (${why}).`, canImportAsFile: true },
    }
  }
  const general = tracks.find((t) => t['@type'] === 'General')
  const video = tracks.find((t) => t['@type'] === 'Video')
  const duration = num(general?.Duration) ?? num(video?.Duration)
  if (!video) {
    if (duration !== undefined && tracks.some((t) => t['@type'] === 'Audio')) {
      warnings.push({
        code: 'no-video-track',
        message: 'The file holds sound but no picture: it is imported as a file.',
      })
      return { duration, warnings, noVideoTrack: true, embedded: embeddedOf(general) }
    }
    return {
      warnings,
      error: {
        code: 'broken-header',
        message: 'Broken video header: no picture track could be read. The file is damaged or incomplete.',
        canImportAsFile: true,
      },
    }
  }
  let width = num(video.Width)
  let height = num(video.Height)
  const rotation = Math.round(num(video.Rotation) ?? 0)
  if (width !== undefined && height !== undefined && Math.abs(rotation % 180) === 90) [width, height] = [height, width]
  const format = str(video.Format)
  const facts: VideoFacts = { width, height, duration, warnings, embedded: embeddedOf(general) }
  if (format) facts.codec = codecNames[format] ?? format.toLowerCase()
  if (duration === undefined) {
    warnings.push({ code: 'metadata-unreadable', message: 'The video does not state its duration.' })
  }
  return facts
}
