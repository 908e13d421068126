/**
 * Everything the app learns about one file, in one pass over its bytes plus, for images and
 * videos, a few header reads. Never throws: an unreadable or damaged file is a result with an
 * `error` that names the problem.
 */
import { basename } from 'node:path'
import { describeFsError } from '../scan/fs-errors'
import { detectType } from './detect/detect-type'
import { probeImage } from './image/image-probe'
import { fileMetadata } from './metadata/file-metadata'
import { readAndHash, type ReadResult } from './read-and-hash'
import type { ProbeResult } from '../model/probe-facts'
import type { MediaInfoReader } from './video/mediainfo-reader'
import { probeVideo } from './video/video-probe'

export interface ProbeContext {
  mediaInfo: MediaInfoReader
  /** Bytes kept in memory from the start of each file for format probing. */
  headBytes: number
  signal?: AbortSignal
  /** The file's hash pass, when the caller started it ahead (Prober reads ahead of parsing). */
  read?: Promise<ReadResult>
}

export interface FileToProbe {
  path: string
  /** From the walk; the bytes actually read win. */
  size: number
}

export async function probeFile(file: FileToProbe, context: ProbeContext): Promise<ProbeResult> {
  let read: ReadResult
  try {
    read = await (context.read ??
      readAndHash(file.path, file.size, { headBytes: context.headBytes, signal: context.signal }))
  } catch (err) {
    context.signal?.throwIfAborted()
    return {
      size: file.size,
      warnings: [],
      error: { code: 'unreadable', message: `Cannot read the file: ${describeFsError(err)}.`, canImportAsFile: false },
    }
  }
  try {
    return await probeRead(file, read, context)
  } finally {
    read.release?.()
  }
}

/** The facts from the bytes read: `read.head` is valid only until this returns. */
async function probeRead(file: FileToProbe, read: ReadResult, context: ProbeContext): Promise<ProbeResult> {
  const result: ProbeResult = { size: read.size, sha256: read.sha256, warnings: [] }
  if (read.size === 0) {
    result.error = {
      code: 'empty',
      message: 'Empty file (0 bytes): there is nothing to import.',
      canImportAsFile: false,
    }
    return result
  }
  if (read.size !== file.size) {
    result.warnings.push({
      code: 'changed-while-reading',
      message: `The file changed during the scan (${file.size} bytes listed, ${read.size} read); check it was fully copied.`,
    })
  }
  const detected = await detectType(read.head, basename(file.path))
  result.kind = detected.kind
  result.mimeType = detected.mimeType
  result.extension = detected.extension
  result.warnings.push(...detected.warnings)

  if (detected.kind === 'image') {
    const facts = await probeImage(file.path, detected.mimeType, read)
    result.warnings.push(...facts.warnings)
    if (facts.asFile) result.kind = 'file'
    if (facts.error) result.error = facts.error
    assign(result, {
      width: facts.width,
      height: facts.height,
      orientation: facts.orientation,
      animated: facts.animated,
    })
    if (facts.embedded && Object.keys(facts.embedded).length > 0) result.embedded = facts.embedded
  } else if (detected.kind === 'video') {
    const facts = await probeVideo(file.path, detected.mimeType, read.size, read.head, context.mediaInfo)
    result.warnings.push(...facts.warnings)
    if (facts.noVideoTrack) result.kind = 'file'
    if (facts.audioMimeType) result.mimeType = facts.audioMimeType
    if (facts.error) result.error = facts.error
    assign(result, { width: facts.width, height: facts.height, duration: facts.duration, codec: facts.codec })
    if (facts.embedded) result.embedded = facts.embedded
  }
  if (result.kind === 'file' && !result.embedded && !result.error) {
    const own = await fileMetadata(file.path, detected.mimeType, read)
    result.warnings.push(...own.warnings)
    if (own.embedded) result.embedded = own.embedded
  }
  return result
}

function assign(target: ProbeResult, values: Partial<ProbeResult>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as unknown as Record<string, unknown>)[key] = value
  }
}
