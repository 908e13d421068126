/**
 * Video facts: displayed size (rotation applied), duration in seconds, codec, and the few
 * descriptive tags containers carry. MP4/MOV/3GP are checked box by box first, so a recording
 * that never got its index says so plainly, and then read from their index directly, as are
 * WebM/MKV from their header; other containers, and anything those readers cannot vouch for,
 * go to MediaInfo.
 */
import { open } from 'node:fs/promises'
import type { EmbeddedMetadata, ProbeError, ProbeWarning } from '../../model/probe-facts'
import { asfDeclared } from './asf-header'
import { walkTopLevelBoxes, type Box } from './bmff-boxes'
import { blankFrames } from './blank-frames'
import type { ContainerFacts } from './container-facts'
import { readEmbedded } from '../metadata/embedded'
import { readMovie } from './iso-movie'
import { readMatroskaHead } from './matroska'
import { factsFromMediaInfo } from './mediainfo-facts'
import type { MediaInfoReader } from './mediainfo-reader'
import { oggCut, oggDuration } from './ogg-duration'
import { transportStreamDuration } from './ts-duration'

export interface VideoFacts {
  width?: number
  height?: number
  duration?: number
  codec?: string
  embedded?: EmbeddedMetadata
  /** No picture inside (audio only): import as a file. */
  noVideoTrack?: boolean
  /** The sound-only type of the container (`audio/mp4` for an MP4 without a picture). */
  audioMimeType?: string
  warnings: ProbeWarning[]
  error?: ProbeError
}

const isoBased = new Set(['video/mp4', 'video/x-m4v', 'video/quicktime', 'video/3gpp', 'video/3gpp2'])
const matroska = new Set(['video/webm', 'video/matroska'])
/** A bigger index is left to MediaInfo, which reads it in chunks. */
const maxIndexBytes = 64 << 20

type ReadAt = (offset: number, length: number) => Promise<Buffer>

function damaged(code: ProbeError['code'], message: string): ProbeError {
  return { code, message, canImportAsFile: true }
}

/** The `moov` box, or the error that explains why there is none or the file is cut. */
async function findIndex(readAt: ReadAt, size: number): Promise<{ moov?: Box; error?: ProbeError; boxes: Box[] }> {
  const walk = await walkTopLevelBoxes(readAt, size)
  const { boxes } = walk
  const moov = walk.boxes.find((b) => b.type === 'moov')
  if (walk.truncated) {
    const what = moov ? 'The copy is incomplete' : 'The recording was interrupted or the copy is incomplete'
    return {
      boxes,
      error: damaged('truncated', `Truncated video: ${walk.problem}. ${what}; copy it again from the source.`),
    }
  }
  if (walk.problem)
    return { boxes, error: damaged('broken-header', `Broken video header: ${walk.problem}. The file is damaged.`) }
  if (!moov) {
    return {
      boxes,
      error: damaged(
        'no-index',
        'The video has no index (no moov box): the recording was probably interrupted before the camera finished it. ' +
          'It cannot be played; recover it with a repair tool or import it as a file.',
      ),
    }
  }
  return { moov, boxes }
}

/** The XMP packet in a top-level `uuid` box (XMP spec part 3 §1.1.4: MP4, 3GP, and AVIF/HEIF). */
const xmpUuid = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex')

async function uuidXmp(readAt: ReadAt, boxes: Box[]): Promise<Buffer | undefined> {
  for (const box of boxes) {
    if (box.type !== 'uuid' || box.size < 24 || box.size > 16 << 20) continue
    const bytes = await readAt(box.offset + 8, box.size - 8)
    if (bytes.subarray(0, 16).equals(xmpUuid)) return bytes.subarray(16)
  }
  return undefined
}

async function ownReader(
  path: string,
  mime: string,
  size: number,
  head: Buffer,
): Promise<ContainerFacts | ProbeError | undefined> {
  if (matroska.has(mime)) return readMatroskaHead(head, size)
  if (mime === 'video/x-flv') return flvDeclared(head)
  if (mime === 'video/x-ms-asf' || mime === 'application/vnd.ms-asf') return asfDeclared(head, size)
  if (!isoBased.has(mime)) return undefined
  return readWith(path, size, head, async (readAt) => {
    const { moov, error, boxes: walkBoxes } = await findIndex(readAt, size)
    if (error) return error
    if (!moov || moov.size > maxIndexBytes) return undefined
    const facts = readMovie(await readAt(moov.offset, moov.size), size)
    if (facts && !facts.xmp) facts.xmp = await uuidXmp(readAt, walkBoxes)
    if (facts?.frameOffsets) facts.problem ??= await blankFrames(readAt, facts.frameOffsets, facts.codec)
    return facts
  })
}

/** Our readers' answer is used when it is complete: a picture track with a size and a duration, or sound only. */
const complete = (f: ContainerFacts | undefined): f is ContainerFacts =>
  f !== undefined && (f.hasVideo ? f.duration !== undefined && f.width !== undefined : f.hasAudio)

/**
 * FLV states its length in the onMetaData script tag (an AMF0 `duration` number); MediaInfo
 * measures the tags actually there. Only the declared duration is taken here, to compare.
 */
function flvDeclared(head: Buffer): ContainerFacts | undefined {
  const at = head.indexOf('\x00\x08duration\x00', 0, 'latin1')
  if (at < 0 || at + 19 > head.length) return undefined
  const declared = head.readDoubleBE(at + 11)
  return Number.isFinite(declared) && declared > 0
    ? { hasVideo: false, hasAudio: false, declaredDuration: declared }
    : undefined
}

/** Whether the media data is far shorter than the header says (a copy cut short). */
function shortOfDeclared(facts: ContainerFacts, declared: number | undefined): string | undefined {
  if (declared === undefined || facts.duration === undefined) return undefined
  if (declared - facts.duration <= Math.max(1, declared * 0.1)) return undefined
  return `its header declares ${declared.toFixed(1)} s but the file holds only ${facts.duration.toFixed(1)} s`
}

/** The sound-only type of each container, as exiftool and browsers name it. */
const audioTypes: Record<string, string> = {
  'video/mp4': 'audio/mp4',
  'video/x-m4v': 'audio/mp4',
  'video/quicktime': 'audio/mp4',
  'video/3gpp': 'audio/3gpp',
  'video/3gpp2': 'audio/3gpp2',
  'video/webm': 'audio/webm',
  'video/matroska': 'audio/matroska',
  'video/ogg': 'audio/ogg',
  'video/x-ms-asf': 'audio/x-ms-wma',
  'application/vnd.ms-asf': 'audio/x-ms-wma',
}

/** XMP (what editing tools write) first; the container's own tags fill what it leaves empty. */
async function withXmp(facts: ContainerFacts): Promise<EmbeddedMetadata | undefined> {
  if (!facts.xmp) return facts.embedded
  const { embedded } = await readEmbedded({ xmp: facts.xmp, plain: facts.embedded })
  if (facts.embedded?.gps && !embedded.gps) embedded.gps = facts.embedded.gps
  return Object.keys(embedded).length > 0 ? embedded : undefined
}

/**
 * Byte ranges of the file: from the bytes the hash pass kept when they are all of it (most
 * phone clips' headers, every small file), so the file is not opened and read again.
 */
async function readWith<T>(path: string, size: number, head: Buffer, use: (readAt: ReadAt) => Promise<T>): Promise<T> {
  if (head.length >= size) return use(async (offset, length) => head.subarray(offset, offset + length))
  const handle = await open(path, 'r')
  try {
    return await use(async (offset, length) => {
      const buf = Buffer.allocUnsafe(length)
      const { bytesRead } = await handle.read(buf, 0, length, offset)
      return buf.subarray(0, bytesRead)
    })
  } finally {
    await handle.close()
  }
}

export async function probeVideo(
  path: string,
  mime: string,
  size: number,
  head: Buffer,
  reader: MediaInfoReader,
): Promise<VideoFacts> {
  const warnings: ProbeWarning[] = []
  const own = await ownReader(path, mime, size, head)
  if (own && 'code' in own) return { warnings, error: own }
  let facts = complete(own) ? own : undefined
  if (!facts) {
    try {
      facts = factsFromMediaInfo(await reader.analyze(path, size, head.length >= size ? head : undefined))
    } catch {
      // MediaInfo's own words (a WASM abort, a stack) mean nothing to an editor.
      return {
        warnings,
        error: damaged('broken-header', 'Broken video: its structure cannot be read. The file is damaged.'),
      }
    }
    if (own?.xmp && !facts.xmp) facts.xmp = own.xmp
    facts.problem ??= own?.problem ?? shortOfDeclared(facts, own?.declaredDuration)
  }
  if (mime === 'video/mp2t')
    facts.duration = (await readWith(path, size, head, (at) => transportStreamDuration(at, size))) ?? facts.duration
  if (facts.duration === undefined && mime === 'video/ogg')
    facts.duration = await readWith(path, size, head, (at) => oggDuration(at, size))
  if (mime === 'video/ogg') facts.problem ??= await readWith(path, size, head, (at) => oggCut(at, size))
  const embedded = await withXmp(facts)
  if (!facts.hasVideo) {
    if (facts.hasAudio) {
      warnings.push({
        code: 'no-video-track',
        message: 'The file holds sound but no picture: it is imported as a file.',
      })
      return { duration: facts.duration, warnings, noVideoTrack: true, embedded, audioMimeType: audioTypes[mime] }
    }
    return {
      warnings,
      error: damaged(
        'broken-header',
        'Broken video header: no picture track could be read. The file is damaged or incomplete.',
      ),
    }
  }
  if (facts.problem) {
    return {
      warnings,
      error: damaged(
        'truncated',
        `Damaged video: ${facts.problem}. It cannot be played; copy it again from the source.`,
      ),
    }
  }
  if (facts.duration === undefined)
    warnings.push({ code: 'metadata-unreadable', message: 'The video does not state its duration.' })
  const { width, height, duration, codec } = facts
  return { width, height, duration, codec, embedded, warnings }
}
