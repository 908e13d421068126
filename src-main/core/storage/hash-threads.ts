/**
 * sha256 of whole files on worker threads. sha256 runs at about 400 MB/s on a core without SHA
 * instructions (the bench machine), so a 2 GB video is five seconds of CPU. On the main thread
 * those seconds came between the photos' requests, and the video's hash, which its upload waits
 * for, ran alone for 4 s after them (bench:upload timeline). On a thread of its own it runs beside
 * them and is ready sooner.
 *
 * The thread's code is a plain script evaluated by `Worker` (`eval: true`), not a module file:
 * it then runs unchanged under tsx (CLI, tests) and in electron-vite's single-file main bundle.
 * It uses only Node's built-ins.
 */
import { Worker } from 'node:worker_threads'

const threadScript = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, closeSync } = require('node:fs')
const buffer = Buffer.allocUnsafeSlow(${1024 * 1024})
parentPort.on('message', ({ path, cancel }) => {
  const cancelled = new Int32Array(cancel)
  let fd
  try {
    fd = openSync(path, 'r')
    const hash = createHash('sha256')
    let position = 0
    for (;;) {
      if (Atomics.load(cancelled, 0) !== 0) return parentPort.postMessage({ cancelled: true })
      const n = readSync(fd, buffer, 0, buffer.length, position)
      if (n === 0) break
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n))
      position += n
    }
    parentPort.postMessage({ sha256: hash.digest('hex') })
  } catch (err) {
    parentPort.postMessage({ error: { message: err.message, code: err.code, syscall: err.syscall, path: err.path } })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
})
`

interface Reply {
  sha256?: string
  cancelled?: boolean
  error?: { message: string; code?: string; syscall?: string; path?: string }
}

interface Job {
  path: string
  signal: AbortSignal
  done: (sha256: string) => void
  fail: (err: unknown) => void
}

/** An fs error from the thread, rebuilt with its code, so it is classified as a read error. */
function toError(e: NonNullable<Reply['error']>): Error {
  return Object.assign(new Error(e.message), { code: e.code, syscall: e.syscall, path: e.path })
}

export class HashThreads {
  private readonly idle: Worker[] = []
  private readonly waiting: Job[] = []
  private readonly all = new Set<Worker>()
  private stopped = false

  constructor(private readonly maxThreads = 2) {}

  /** The file's sha256; rejects with the fs error (ENOENT, EACCES…) or the signal's reason. */
  hash(path: string, signal: AbortSignal): Promise<string> {
    if (this.stopped) return Promise.reject(new Error('hash threads stopped'))
    if (signal.aborted) return Promise.reject(signal.reason)
    return new Promise<string>((done, fail) => {
      this.waiting.push({ path, signal, done, fail })
      this.runNext()
    })
  }

  /** Ends every thread; hashes in progress reject. */
  stop(): void {
    this.stopped = true
    for (const job of this.waiting.splice(0)) job.fail(new Error('hash threads stopped'))
    for (const worker of this.all) void worker.terminate()
    this.all.clear()
    this.idle.length = 0
  }

  private runNext(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.all.size < this.maxThreads)) {
      const job = this.waiting.shift() as Job
      if (job.signal.aborted) {
        job.fail(job.signal.reason)
        continue
      }
      this.run(this.idle.pop() ?? this.spawn(), job)
    }
  }

  private spawn(): Worker {
    const worker = new Worker(threadScript, { eval: true })
    this.all.add(worker)
    return worker
  }

  private run(worker: Worker, job: Job): void {
    const cancel = new SharedArrayBuffer(4)
    const onAbort = (): void => void Atomics.store(new Int32Array(cancel), 0, 1)
    job.signal.addEventListener('abort', onAbort, { once: true })
    // Referenced only while it works: an idle thread must not keep the process alive.
    worker.ref()
    const settle = (): void => {
      job.signal.removeEventListener('abort', onAbort)
      worker.off('message', onReply)
      worker.off('error', onCrash)
      worker.off('exit', onCrash)
    }
    const onReply = (reply: Reply): void => {
      settle()
      worker.unref()
      if (!this.stopped) this.idle.push(worker)
      if (reply.sha256) job.done(reply.sha256)
      else if (reply.error) job.fail(toError(reply.error))
      else job.fail(job.signal.reason)
      this.runNext()
    }
    const onCrash = (err: unknown): void => {
      settle()
      this.all.delete(worker)
      job.fail(err instanceof Error ? err : new Error(`hash thread ended (${String(err)})`))
      this.runNext()
    }
    worker.on('message', onReply)
    worker.once('error', onCrash)
    worker.once('exit', onCrash)
    worker.postMessage({ path: job.path, cancel })
  }
}
