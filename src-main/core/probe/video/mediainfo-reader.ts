/**
 * MediaInfo (WASM) for the video containers our own readers do not cover (AVI, MPEG-TS/PS,
 * FLV, ASF, MXF, Ogg) and for files they cannot vouch for. One instance serves the whole app:
 * creating it compiles a 2.6 MB WASM module, so it is made once, on the first such video, and
 * calls are queued because an instance analyses one file at a time. It asks for the byte
 * ranges it needs (headers, the index wherever it lies); we read exactly those.
 * mediainfo.js must stay external to the bundle (docs/reference/toolchain.md §2): it loads its .wasm from disk.
 */
import { open } from 'node:fs/promises'
import type { MediaInfo } from 'mediainfo.js'

export type Track = Record<string, unknown> & { '@type': string }

export class MediaInfoReader {
  private instance: Promise<MediaInfo<'JSON'>> | undefined
  private queue: Promise<unknown> = Promise.resolve()

  /**
   * Small chunks: MediaInfo parses what it is handed, and most formats have what it needs in
   * the first kilobytes (then it asks for the end, or stops); handed a whole clip at once it
   * walks every packet. JSON text, parsed here: the 'object' format's conversion of number
   * fields copies each track once per field, and mediainfo-facts.ts reads numbers from text.
   */
  private async load(): Promise<MediaInfo<'JSON'>> {
    const { default: mediaInfoFactory } = await import('mediainfo.js')
    return mediaInfoFactory({ format: 'JSON', chunkSize: 16 * 1024 })
  }

  /**
   * The tracks MediaInfo found (General first), in file order. `whole`: the file's bytes when
   * they are already in memory, read from there instead of the file.
   */
  analyze(path: string, size: number, whole?: Buffer): Promise<Track[]> {
    const run = this.queue.then(() => (whole ? this.analyzeBytes(whole) : this.analyzeNow(path, size)))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async analyzeNow(path: string, size: number): Promise<Track[]> {
    const handle = await open(path, 'r')
    try {
      return await this.run(size, async (length, offset) => {
        const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)))
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset)
        return buf.subarray(0, bytesRead)
      })
    } finally {
      await handle.close()
    }
  }

  private analyzeBytes(bytes: Buffer): Promise<Track[]> {
    return this.run(bytes.length, (length, offset) => bytes.subarray(offset, offset + length))
  }

  private async run(
    size: number,
    readChunk: (length: number, offset: number) => Uint8Array | Promise<Uint8Array>,
  ): Promise<Track[]> {
    this.instance ??= this.load()
    const mediaInfo = await this.instance
    try {
      const result = JSON.parse(await mediaInfo.analyzeData(size, readChunk)) as { media?: { track?: Track[] } }
      return result.media?.track ?? []
    } catch (err) {
      // A WASM abort can leave the instance unusable: start a fresh one next time.
      this.instance = undefined
      mediaInfo.close()
      throw err
    }
  }

  async close(): Promise<void> {
    const instance = this.instance
    this.instance = undefined
    if (instance) (await instance.catch(() => undefined))?.close()
  }
}
