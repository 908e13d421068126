/**
 * Video facts: displayed size (rotation applied), duration in seconds, codec, and the few
 * descriptive tags containers carry. MP4/MOV/3GP are checked box by box first, so a recording
 * that never got its index says so plainly, and then read from their index directly, as are
 * WebM/MKV from their header; other containers, and anything those readers cannot vouch for,
 * go to MediaInfo.
 */
import { open } from 'node:fs/promises'
import type { EmbeddedMetadata, ProbeError, ProbeWarning } from '../types'
import { walkTopLevelBoxes, type Box } from './bmff-boxes'
import type { ContainerFacts } from './container-facts'
import { readMovie } from './iso-movie'
import { readMatroskaHead } from './matroska'
import { factsFromMediaInfo } from './mediainfo-facts'
import type { MediaInfoReader } from './mediainfo-reader'

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
const matroska = new Set(['video/webm', 'video/matroska'])
/** A bigger index is left to MediaInfo, which reads it in chunks. */
const maxIndexBytes = 64 << 20

type ReadAt = (offset: number, length: number) => Promise<Buffer>

function damaged(code: ProbeError['code'], message: string): ProbeError {
  return { code, message, canImportAsFile: true }
}

/** The `moov` box, or the error that explains why there is none or the file is cut. */
async function findIndex(readAt: ReadAt, size: number): Promise<{ moov?: Box; error?: ProbeError }> {
  const walk = await walkTopLevelBoxes(readAt, size)
  const moov = walk.boxes.find((b) => b.type === 'moov')
  if (walk.truncated) {
    const what = moov ? 'The copy is incomplete' : 'The recording was interrupted or the copy is incomplete'
    return { error: damaged('truncated', `Truncated video: ${walk.problem}. ${what}; copy it again from the source.`) }
  }
  if (walk.problem)
    return { error: damaged('broken-header', `Broken video header: ${walk.problem}. The file is damaged.`) }
  if (!moov) {
    return {
      error: damaged(
        'no-index',
        'The video has no index (no moov box): the recording was probably interrupted before the camera finished it. ' +
          'It cannot be played; recover it with a repair tool or import it as a file.',
      ),
    }
  }
  return { moov }
}

async function ownReader(
  path: string,
  mime: string,
  size: number,
  head: Buffer,
): Promise<ContainerFacts | ProbeError | undefined> {
  if (matroska.has(mime)) return readMatroskaHead(head)
  if (!isoBased.has(mime)) return undefined
  const handle = await open(path, 'r')
  try {
    const readAt: ReadAt = async (offset, length) => {
      const buf = Buffer.allocUnsafe(length)
      const { bytesRead } = await handle.read(buf, 0, length, offset)
      return buf.subarray(0, bytesRead)
    }
    const { moov, error } = await findIndex(readAt, size)
    if (error) return error
    if (!moov || moov.size > maxIndexBytes) return undefined
    return readMovie(await readAt(moov.offset, moov.size))
  } finally {
    await handle.close()
  }
}

/** Our readers' answer is used when it is complete: a picture track with a size and a duration, or sound only. */
const complete = (f: ContainerFacts | undefined): f is ContainerFacts =>
  f !== undefined && (f.hasVideo ? f.duration !== undefined && f.width !== undefined : f.hasAudio)

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
      facts = factsFromMediaInfo(await reader.analyze(path, size))
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      return { warnings, error: damaged('broken-header', `The video could not be analysed (${why}).`) }
    }
  }
  if (!facts.hasVideo) {
    if (facts.hasAudio) {
      warnings.push({
        code: 'no-video-track',
        message: 'The file holds sound but no picture: it is imported as a file.',
      })
      return { duration: facts.duration, warnings, noVideoTrack: true, embedded: facts.embedded }
    }
    return {
      warnings,
      error: damaged(
        'broken-header',
        'Broken video header: no picture track could be read. The file is damaged or incomplete.',
      ),
    }
  }
  if (facts.duration === undefined)
    warnings.push({ code: 'metadata-unreadable', message: 'The video does not state its duration.' })
  const { width, height, duration, codec, embedded } = facts
  return { width, height, duration, codec, embedded, warnings }
}
