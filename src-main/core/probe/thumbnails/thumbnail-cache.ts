/**
 * Small WebP thumbnails on disk, made once per content (the key is the sha256) with sharp for
 * images and, where ffmpeg exists, from a poster frame for videos. Runs in the background
 * after probing, a couple at a time, so it never slows the scan. HEIC (HEVC) pictures, which
 * the bundled libvips cannot decode, go through libheif in WebAssembly (heif-decode.ts); AVIF
 * is sharp's own (libvips' libheif with AV1 decoders).
 */
import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp, { type Sharp } from 'sharp'
import { Slots } from '../../concurrency/slots'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../fs/private-mode'
import type { MediaKind } from '../../model/row'
import { decodeHeif } from './heif-decode'
import { findOnPath, posterFrame } from './poster-frame'
import { thumbnailKey, thumbnailRelativePath } from '../../../../src-shared/urls/thumbnail-url'

export interface ThumbnailRequest {
  path: string
  sha256: string
  kind: MediaKind
  mimeType: string
  duration?: number
}

export type ThumbnailOutcome = { key: string } | { unavailable: string }

export interface ThumbnailCacheOptions {
  dir: string
  /** Longest edge in pixels. */
  edge?: number
  /** ffmpeg for video poster frames: a path, null to never use one, undefined to look on PATH. */
  ffmpeg?: string | null
  concurrency?: number
}

const hevcMimes = new Set(['image/heic', 'image/heic-sequence'])
/** HEIF whose codec the type does not say (often HEVC): sharp first, libheif's wasm if it fails. */
const maybeHevcMimes = new Set(['image/heif', 'image/heif-sequence'])

/** A frame the window sends is at most this big (a PNG of a 4K frame is ~10 MB; it sends the cache edge). */
export const maxPosterFrameBytes = 4 << 20
const maxPosterFramePixels = 4096 * 4096
const posterFrameFormats = new Set(['png', 'jpeg', 'webp'])

const hasFile = (file: string): Promise<boolean> =>
  stat(file).then(
    (s) => s.size > 0,
    () => false,
  )

export class ThumbnailCache {
  readonly dir: string
  readonly edge: number
  private ffmpeg: Promise<string | undefined> | undefined
  private readonly slots: Slots

  constructor(options: ThumbnailCacheOptions) {
    this.dir = options.dir
    this.edge = options.edge ?? 256
    this.slots = new Slots(options.concurrency ?? 2)
    if (options.ffmpeg !== undefined) this.ffmpeg = Promise.resolve(options.ffmpeg ?? undefined)
  }

  filePath(key: string): string {
    return join(this.dir, ...thumbnailRelativePath(key).split('/'))
  }

  async ensure(request: ThumbnailRequest): Promise<ThumbnailOutcome> {
    const key = thumbnailKey(request.sha256, this.edge)
    const file = this.filePath(key)
    if (await hasFile(file)) return { key }
    if (request.kind === 'file') return { unavailable: 'files have no preview' }
    const release = await this.slots.acquire()
    try {
      const webp = request.kind === 'video' ? await this.fromVideo(request) : await this.fromPicture(request)
      if ('unavailable' in webp) return webp
      await this.write(file, webp.data)
      return { key }
    } finally {
      release()
    }
  }

  /**
   * Stores a poster frame the window drew from a video with Chromium's own decoder, where
   * ffmpeg is missing: PNG, JPEG or WebP bytes, decoded and re-encoded here (never stored as
   * sent), under the video's sha256, once per content.
   */
  async storeFrame(sha256: string, image: Uint8Array): Promise<ThumbnailOutcome> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return { unavailable: 'no poster frame: the video has no content hash yet' }
    if (image.byteLength > maxPosterFrameBytes) return { unavailable: 'no poster frame: the frame sent is too large' }
    const key = thumbnailKey(sha256, this.edge)
    const file = this.filePath(key)
    if (await hasFile(file)) return { key }
    try {
      const input = sharp(image, { limitInputPixels: maxPosterFramePixels, failOn: 'error' })
      const { format } = await input.metadata()
      if (!posterFrameFormats.has(format ?? ''))
        return { unavailable: 'no poster frame: the frame sent is not an image' }
      await this.write(file, await this.toWebp(input))
      return { key }
    } catch (err) {
      return { unavailable: `no poster frame: ${err instanceof Error ? err.message : String(err)}` }
    }
  }

  /** Write then rename: a half-written thumbnail is never served. */
  private async write(file: string, data: Buffer): Promise<void> {
    await mkdir(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE })
    // Write then rename: a half-written thumbnail is never served.
    const temp = `${file}.${randomUUID()}.tmp`
    try {
      await writeFile(temp, data, { mode: PRIVATE_FILE_MODE })
      await rename(temp, file)
    } finally {
      await rm(temp, { force: true })
    }
  }

  private async fromPicture(request: ThumbnailRequest): Promise<{ data: Buffer } | { unavailable: string }> {
    if (hevcMimes.has(request.mimeType)) return this.fromHeif(request.path)
    const made = await this.fromImage(request.path)
    return 'unavailable' in made && maybeHevcMimes.has(request.mimeType) ? this.fromHeif(request.path) : made
  }

  private async fromImage(path: string): Promise<{ data: Buffer } | { unavailable: string }> {
    try {
      return { data: await this.toWebp(sharp(path, { limitInputPixels: false, failOn: 'none' }).rotate()) }
    } catch (err) {
      return { unavailable: `no preview: ${err instanceof Error ? err.message : String(err)}` }
    }
  }

  /** Already upright (libheif applies irot/imir), so no EXIF rotation on top. */
  private async fromHeif(path: string): Promise<{ data: Buffer } | { unavailable: string }> {
    try {
      const rgba = await decodeHeif(path)
      if ('unavailable' in rgba) return rgba
      const { data, width, height } = rgba
      return { data: await this.toWebp(sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: false })) }
    } catch (err) {
      return { unavailable: `no preview: ${err instanceof Error ? err.message : String(err)}` }
    }
  }

  private toWebp(image: Sharp): Promise<Buffer> {
    return image
      .resize({ width: this.edge, height: this.edge, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72 })
      .toBuffer()
  }

  private async fromVideo(request: ThumbnailRequest): Promise<{ data: Buffer } | { unavailable: string }> {
    this.ffmpeg ??= findOnPath('ffmpeg')
    const ffmpeg = await this.ffmpeg
    if (!ffmpeg) return { unavailable: 'no poster frame: ffmpeg is not installed on this computer' }
    const at = Math.min(1, (request.duration ?? 0) * 0.1)
    const png = await posterFrame(ffmpeg, request.path, at, this.edge)
    if (!png) return { unavailable: 'no poster frame: ffmpeg could not decode a frame' }
    return { data: await sharp(png).webp({ quality: 72 }).toBuffer() }
  }
}
