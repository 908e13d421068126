/**
 * Probes files with bounded concurrency and bounded memory: at most `concurrency` files are
 * parsed at once, and at most four times as many read ahead on the read thread (their heads
 * wait in memory). Holds the shared MediaInfo instance, so one Prober serves a whole session
 * (or a CLI run) and is closed at the end.
 */
import { Slots } from '../concurrency/slots'
import { probeFile, type FileToProbe } from './probe-file'
import { readAndHash } from './read-and-hash'
import type { ProbeResult } from '../model/probe-facts'
import { MediaInfoReader } from './video/mediainfo-reader'

export interface ProberOptions {
  /** Files probed at once. Small reads dominate, so a few more than the cores keeps the disk busy. */
  concurrency?: number
  headBytes?: number
}

export const defaultProbeConcurrency = 8
const defaultHeadBytes = 256 * 1024
/** Files read ahead per parsing slot: 16 heads of at most 256 KB, batches of about a dozen. */
const readAheadFactor = 2

export class Prober {
  private readonly mediaInfo = new MediaInfoReader()
  private readonly slots: Slots
  /** Files read (or being read) and not yet probed: bounds the heads held in memory. */
  private readonly readSlots: Slots
  readonly concurrency: number
  private readonly headBytes: number

  constructor(options: ProberOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? defaultProbeConcurrency)
    this.headBytes = options.headBytes ?? defaultHeadBytes
    this.slots = new Slots(this.concurrency)
    this.readSlots = new Slots(this.concurrency * readAheadFactor)
  }

  /** Files waiting for a slot. */
  get backlog(): number {
    return this.readSlots.waiting
  }

  async probe(file: FileToProbe, signal?: AbortSignal): Promise<ProbeResult> {
    const releaseRead = await this.readSlots.acquire()
    try {
      signal?.throwIfAborted()
      // Read ahead: the read thread hashes the next files while these are parsed, and gets
      // them in batches (read-thread.ts). A failed read is reported by probeFile.
      const read = readAndHash(file.path, file.size, { headBytes: this.headBytes, signal })
      read.catch(() => undefined)
      const release = await this.slots.acquire()
      try {
        signal?.throwIfAborted()
        return await probeFile(file, { mediaInfo: this.mediaInfo, headBytes: this.headBytes, signal, read })
      } finally {
        release()
      }
    } finally {
      releaseRead()
    }
  }

  async close(): Promise<void> {
    await this.mediaInfo.close()
  }
}
