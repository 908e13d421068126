/**
 * MediaInfo (WASM) for video facts. One instance serves the whole app: creating it compiles
 * the WASM module, so it is made once, on the first video, and calls are queued because an
 * instance analyses one file at a time. It asks for the byte ranges it needs (headers, the
 * `moov` box wherever it lies) and we read exactly those with positioned reads.
 * mediainfo.js must stay external to the bundle (toolchain.md §2): it loads its .wasm from disk.
 */
import { open } from 'node:fs/promises'
import type { MediaInfo, MediaInfoResult } from 'mediainfo.js'

export type Track = Record<string, unknown> & { '@type': string }

export class MediaInfoReader {
  private instance: Promise<MediaInfo<'object'>> | undefined
  private queue: Promise<unknown> = Promise.resolve()

  private async load(): Promise<MediaInfo<'object'>> {
    const { default: mediaInfoFactory } = await import('mediainfo.js')
    return mediaInfoFactory({ format: 'object', chunkSize: 256 * 1024 })
  }

  /**
   * Starts compiling the WASM module now (in the background), so the first video of a drop
   * does not wait for it. Scans call this when they start; nothing is loaded until then.
   */
  preload(): void {
    this.instance ??= this.load()
    // A failed load is retried, and reported, by the first analyze().
    this.instance.catch(() => {
      this.instance = undefined
    })
  }

  /** The tracks MediaInfo found (General first), in file order. */
  analyze(path: string, size: number): Promise<Track[]> {
    const run = this.queue.then(() => this.analyzeNow(path, size))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async analyzeNow(path: string, size: number): Promise<Track[]> {
    this.instance ??= this.load()
    const mediaInfo = await this.instance
    const handle = await open(path, 'r')
    try {
      const result: MediaInfoResult = await mediaInfo.analyzeData(size, async (length, offset) => {
        const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)))
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset)
        return buf.subarray(0, bytesRead)
      })
      return (result.media?.track ?? []) as unknown as Track[]
    } catch (err) {
      // A WASM abort can leave the instance unusable: start a fresh one next time.
      this.instance = undefined
      mediaInfo.close()
      throw err
    } finally {
      await handle.close()
    }
  }

  async close(): Promise<void> {
    const instance = this.instance
    this.instance = undefined
    if (instance) (await instance.catch(() => undefined))?.close()
  }
}
