/**
 * Where the hash pass (read-and-hash.ts, read-pass.ts) runs.
 *
 * A file that fits the head (256 KB: photos, most documents, short clips) is read on the main
 * thread with plain synchronous calls: for bytes in the page cache one open/read/close and a
 * one-shot digest cost less than the four trips through libuv's pool the async fs API made
 * (each a pool thread's wake-up and a callback and promises after it), and less than handing it
 * to a thread and back; it also keeps the process's memory where it was. Larger files, whose
 * every byte must be hashed, go to the read thread, as does everything once main-thread reads
 * have taken longer than `slowReadMs` a few times (a network share, a sleeping disk): the main
 * thread must not wait on a slow disk. The thread gets and answers files in batches (one message
 * each way), reading with synchronous calls that block only itself.
 *
 * Heads land in a shared memory block's slots, given back when the file's probe ends.
 * The thread's code is a plain script evaluated by `Worker` (`eval: true`), like
 * core/storage/hash-threads.ts: it runs unchanged under tsx (CLI, tests) and in electron-vite's
 * single-file main bundle, and loads only Node's built-ins.
 */
import { createHash, hash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { lastEoiIn, readPass, type PassIo, type ReadResult } from './read-pass'

const chunkBytes = 1 << 20
/**
 * Heads land in slots of one shared memory block, given back when the file's probe ends
 * (ReadResult.release): a buffer per file, dropped after its probe, grew the process by tens of
 * megabytes before the garbage collector caught up. More reads than slots, or a larger head,
 * get a buffer of their own.
 */
const slotBytes = 256 * 1024
const slotCount = 32
/**
 * Main-thread reads slower than this, `slowReadsToSwitch` times (a network share, a sleeping
 * disk), mean a slow disk; one slow read can be the machine taking the core away.
 */
const slowReadMs = 50
const slowReadsToSwitch = 3
/** A file this big is read on its own: the files of its batch do not wait for it. */
const bigFile = 8 << 20

/**
 * The thread's script: read-pass.ts's functions as declarations from their source text (under
 * whatever names a bundler gave them, so their calls to each other still match), and the batch loop.
 */
const threadScript = `
const { parentPort, workerData } = require('node:worker_threads')
const slots = workerData.slots
const { openSync, readSync, closeSync } = require('node:fs')
const { createHash, hash } = require('node:crypto')
const io = { openSync, readSync, closeSync, createHash, hash }
const chunk = Buffer.allocUnsafeSlow(${chunkBytes})
${lastEoiIn.toString()}
${readPass.toString()}
const readOne = ${readPass.name}

parentPort.on('message', (batch) => {
  let out = []
  let transfer = []
  const send = () => {
    if (out.length > 0) parentPort.postMessage(out, transfer)
    out = []
    transfer = []
  }
  for (const job of batch) {
    if (job.size >= ${bigFile}) send()
    try {
      const into = job.slot >= 0 ? Buffer.from(slots, job.slot * ${slotBytes}, ${slotBytes}) : undefined
      const read = readOne(io, job.path, job.size, job.headBytes, chunk, into)
      if (into) {
        // The head is in shared memory already: only its length goes back (the tail is copied).
        const { head, tail, ...rest } = read
        out.push({ id: job.id, read: { ...rest, headLength: head.length, tail: Buffer.from(tail) } })
      } else {
        out.push({ id: job.id, read })
        transfer.push(read.head.buffer)
      }
    } catch (err) {
      out.push({ id: job.id, error: { message: err.message, code: err.code, syscall: err.syscall, path: err.path } })
    }
    if (job.size >= ${bigFile}) send()
  }
  send()
})
`

/** For the files read on the main thread while the thread boots. */
const mainIo: PassIo = { openSync, readSync, closeSync, createHash, hash }
let mainChunk: Buffer | undefined

interface Job {
  id: number
  path: string
  size: number
  headBytes: number
  /** Shared-memory slot for the head, or -1. */
  slot: number
}

interface Reply {
  id: number
  read?: { sha256: string; size: number; head?: Uint8Array; headLength?: number; tail: Uint8Array; lastEoi: number }
  error?: { message: string; code?: string; syscall?: string; path?: string }
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** An fs error from the thread, rebuilt with its code, so describeFsError() names it. */
const toError = (e: NonNullable<Reply['error']>): Error =>
  Object.assign(new Error(e.message), { code: e.code, syscall: e.syscall, path: e.path })

export class ReadThread {
  private worker: Worker | undefined
  private nextId = 0
  private readonly pending = new Map<
    number,
    { done: (r: ReadResult) => void; fail: (err: unknown) => void; slot: number }
  >()
  private readonly slots = new SharedArrayBuffer(slotBytes * slotCount)
  private readonly freeSlots = Array.from({ length: slotCount }, (_, i) => slotCount - 1 - i)
  private batch: Job[] = []
  private flushing = false
  /** The thread runs its script and answers messages. */
  private online = false
  /** Main-thread reads took long: the disk is slow, every read goes to the thread. */
  private slowDisk = false
  private slowReads = 0

  /** `smallOnMainThread` false: every file goes to the thread (tests of the thread itself). */
  constructor(private readonly smallOnMainThread = true) {}

  /** Reads and hashes one file (see read-and-hash.ts for the fields); rejects with the fs error. */
  read(path: string, expectedSize: number, headBytes: number): Promise<ReadResult> {
    if (this.smallOnMainThread && !this.slowDisk && expectedSize < headBytes)
      return this.readHere(path, expectedSize, headBytes)
    const id = this.nextId++
    const slot = headBytes <= slotBytes ? (this.freeSlots.pop() ?? -1) : -1
    return new Promise<ReadResult>((done, fail) => {
      this.pending.set(id, { done, fail, slot })
      this.batch.push({ id, path, size: expectedSize, headBytes, slot })
      // Requests made in the same turn of the event loop go over as one message.
      if (!this.flushing) {
        this.flushing = true
        setImmediate(() => this.flush())
      }
    })
  }

  /**
   * A file that fits the head, read on the main thread: one open, read and close, and a one-shot
   * digest of bytes in the page cache cost less there than the hand-over to a thread and back
   * (and the thread's own memory); its head goes into a shared-memory slot like the thread's.
   */
  private readHere(path: string, expectedSize: number, headBytes: number): Promise<ReadResult> {
    const slot = expectedSize < slotBytes ? (this.freeSlots.pop() ?? -1) : -1
    const into = slot >= 0 ? Buffer.from(this.slots, slot * slotBytes, slotBytes) : undefined
    const started = performance.now()
    try {
      const read = readPass(mainIo, path, expectedSize, headBytes, (mainChunk ??= Buffer.allocUnsafe(chunkBytes)), into)
      return Promise.resolve(slot >= 0 ? { ...read, tail: Buffer.from(read.tail), release: this.releaser(slot) } : read)
    } catch (err) {
      if (slot >= 0) this.freeSlots.push(slot)
      return Promise.reject(err)
    } finally {
      if (performance.now() - started > slowReadMs && ++this.slowReads >= slowReadsToSwitch) this.slowDisk = true
    }
  }

  /** Gives a slot back once, however often it is called. */
  private releaser(slot: number): () => void {
    let held = slot >= 0
    return () => {
      if (held) this.freeSlots.push(slot)
      held = false
    }
  }

  /** Starts the thread (reads start it themselves); idle, it keeps no process alive. */
  start(): void {
    if (this.worker) return
    this.worker = this.spawn()
    this.worker.unref()
  }

  /** Resolves once the thread answers messages (reads before that run on the main thread). */
  async ready(): Promise<void> {
    this.start()
    const worker = this.worker as Worker
    if (!this.online) await new Promise((resolve) => worker.once('online', resolve))
  }

  /** Ends the thread; reads still waiting reject. A later read starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.online = false
    if (worker) await worker.terminate()
  }

  private flush(): void {
    this.flushing = false
    const batch = this.batch
    this.batch = []
    if (batch.length === 0) return
    const worker = (this.worker ??= this.spawn())
    // Referenced only while files are out: an idle thread must not keep the process alive.
    worker.ref()
    worker.postMessage(batch)
  }

  private spawn(): Worker {
    const worker = new Worker(threadScript, {
      eval: true,
      workerData: { slots: this.slots },
      // Its garbage is small and short-lived; V8's default heap would grow by tens of MB
      // over a 20,000-file drop without these limits (peak RSS).
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
    })
    worker.once('online', () => {
      if (this.worker === worker) this.online = true
    })
    worker.on('message', (replies: Reply[]) => {
      for (const reply of replies) {
        const waiting = this.pending.get(reply.id)
        this.pending.delete(reply.id)
        if (!waiting) continue
        const { slot } = waiting
        if (reply.error || !reply.read) {
          if (slot >= 0) this.freeSlots.push(slot)
          waiting.fail(reply.error ? toError(reply.error) : new Error('the read thread sent no result'))
          continue
        }
        const { head, headLength = 0, ...read } = reply.read
        const release = this.releaser(slot)
        const bytes = head ? asBuffer(head) : Buffer.from(this.slots, slot * slotBytes, headLength)
        waiting.done({ ...read, head: bytes, tail: asBuffer(read.tail), release })
      }
      if (this.pending.size === 0) worker.unref()
    })
    const crashed = (err: unknown): void => {
      if (this.worker === worker) {
        this.worker = undefined
        this.online = false
      }
      const reason = err instanceof Error ? err : new Error(`the read thread ended (${String(err)})`)
      for (const waiting of this.pending.values()) {
        if (waiting.slot >= 0) this.freeSlots.push(waiting.slot)
        waiting.fail(reason)
      }
      this.pending.clear()
    }
    worker.once('error', crashed)
    worker.once('exit', crashed)
    return worker
  }
}
