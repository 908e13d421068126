/**
 * Probes files with bounded concurrency and bounded memory: at most `concurrency` files are
 * open at once, each with one reused read buffer. Holds the shared MediaInfo instance, so one
 * Prober serves a whole session (or a CLI run) and is closed at the end.
 */
import { Slots } from '../concurrency/slots'
import { defaultChunkBytes } from './read-and-hash'
import { probeFile, type FileToProbe } from './probe-file'
import type { ProbeResult } from '../model/probe-facts'
import { MediaInfoReader } from './video/mediainfo-reader'

export interface ProberOptions {
  /** Files probed at once. Small reads dominate, so a few more than the cores keeps the disk busy. */
  concurrency?: number
  headBytes?: number
}

export const defaultProbeConcurrency = 8
const defaultHeadBytes = 256 * 1024

export class Prober {
  private readonly mediaInfo = new MediaInfoReader()
  private readonly freeChunks: Buffer[] = []
  private readonly slots: Slots
  readonly concurrency: number
  private readonly headBytes: number

  constructor(options: ProberOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? defaultProbeConcurrency)
    this.headBytes = options.headBytes ?? defaultHeadBytes
    this.slots = new Slots(this.concurrency)
  }

  /** Files waiting for a slot. */
  get backlog(): number {
    return this.slots.waiting
  }

  async probe(file: FileToProbe, signal?: AbortSignal): Promise<ProbeResult> {
    const release = await this.slots.acquire()
    const chunk = this.freeChunks.pop() ?? Buffer.allocUnsafe(defaultChunkBytes)
    try {
      signal?.throwIfAborted()
      return await probeFile(file, { mediaInfo: this.mediaInfo, headBytes: this.headBytes, chunk, signal })
    } finally {
      this.freeChunks.push(chunk)
      release()
    }
  }

  async close(): Promise<void> {
    await this.mediaInfo.close()
    this.freeChunks.length = 0
  }
}
