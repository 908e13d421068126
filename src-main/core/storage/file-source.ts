/**
 * Reading the source file: the "same file as scanned" check, small files read whole (and hashed
 * unless the probe did), and part bodies streamed from disk (a 2 GB video never sits in memory).
 * Larger files are hashed ahead on a worker thread (hash-threads.ts).
 *
 * Reads are 1 MiB straight from a file descriptor (callback fs: no promise or stream hop per
 * chunk). On the bench's 2-core machine the S3 server and this client share the CPU, so every
 * read call, chunk object and buffer this side saves is time the server gets back.
 */
import { createHash } from 'node:crypto'
import { close, open, read } from 'node:fs'
import { OutgoingMessage } from 'node:http'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { BufferPool, chunkBuffers, readBuffers } from './buffer-pool'
import { SourceChangedError } from './classify-error'

export interface SourceFacts {
  path: string
  size: number
  mtimeMs: number
}

/** Bytes per read: large enough that per-call costs vanish, small enough to keep memory flat. */
export const READ_SIZE = 1024 * 1024

const openFd = promisify(open)
const closeFd = promisify(close)
const readAt = (fd: number, buffer: Buffer, offset: number, length: number, position: number): Promise<number> =>
  new Promise((done, fail) => read(fd, buffer, offset, length, position, (err, n) => (err ? fail(err) : done(n))))

/** Throws SourceChangedError (or the fs error, e.g. ENOENT) unless the file is as scanned. */
export async function assertUnchanged(source: SourceFacts): Promise<void> {
  const info = await stat(source.path)
  if (!info.isFile()) throw new SourceChangedError('it is no longer a regular file')
  if (info.size !== source.size) throw new SourceChangedError(`size ${source.size} → ${info.size} bytes`)
  // Sub-millisecond slack: mtimeMs may have passed through JSON or a coarser clock.
  if (Math.abs(info.mtimeMs - source.mtimeMs) >= 1) {
    throw new SourceChangedError(`modified ${new Date(info.mtimeMs).toISOString()}`)
  }
}

/**
 * The whole file in one buffer (from the pool), read with the scanned size known; a file that
 * grew or shrank since the scan is refused. `recycle()` hands the buffer back once the request
 * that sent it was answered. With `knownSha256` (the probe's) the bytes are not hashed again:
 * the PUT is signed with that hash, so a store that checks it (S3, MinIO, R2) refuses bytes that
 * changed since, as it already does for files streamed from disk.
 */
export async function readWholeFile(
  source: SourceFacts,
  knownSha256?: string,
): Promise<{ body: Buffer; sha256: string; recycle: () => void }> {
  const buffer = readBuffers.take(BufferPool.capacityFor(source.size))
  const fd = await openFd(source.path, 'r')
  let length = 0
  let grew: boolean
  try {
    while (length < source.size) {
      const n = await readAt(fd, buffer, length, source.size - length, length)
      if (n === 0) break
      length += n
    }
    // One byte past the scanned end tells "grew" from "as scanned".
    grew = length === source.size && (await readAt(fd, Buffer.allocUnsafe(1), 0, 1, length)) > 0
  } finally {
    await closeFd(fd)
  }
  if (length !== source.size || grew) {
    throw new SourceChangedError(`size ${source.size} → ${grew ? 'more' : length} bytes`)
  }
  const body = buffer.subarray(0, length)
  return {
    body,
    sha256: knownSha256 ?? createHash('sha256').update(body).digest('hex'),
    recycle: () => readBuffers.give(buffer),
  }
}

/**
 * Bytes [start, end) of a file as a stream of 1 MiB chunks. `onBytes` hears every chunk as it is
 * handed on (to the socket, at most one chunk ahead), which is what the progress bar counts.
 * Piped into an HTTP request, each chunk goes back to `chunkBuffers` as soon as the socket wrote
 * it (see pipe); piped anywhere else, chunks are left to the GC.
 */
export class FileRangeStream extends Readable {
  private fd: number | undefined
  private position: number
  /** Set while a read is in flight: closing must wait for it. */
  private reading = false
  private closeWhenRead: (() => void) | undefined

  constructor(
    private readonly path: string,
    private readonly start: number,
    private readonly end: number,
    private readonly onBytes: (n: number) => void,
  ) {
    super({ highWaterMark: READ_SIZE })
    this.position = start
  }

  override _construct(callback: (err?: Error | null) => void): void {
    open(this.path, 'r', (err, fd) => {
      this.fd = fd
      callback(err)
    })
  }

  override _read(): void {
    const left = this.end - this.position
    if (left <= 0 || this.fd === undefined) {
      this.push(null)
      return
    }
    // Never one that is still being sent: only written chunks are given back to the pool.
    const buffer = left >= READ_SIZE ? chunkBuffers.take(READ_SIZE) : Buffer.allocUnsafeSlow(left)
    this.reading = true
    read(this.fd, buffer, 0, buffer.length, this.position, (err, n) => {
      this.reading = false
      if (this.closeWhenRead) return this.closeWhenRead()
      if (this.destroyed) return
      if (err) return void this.destroy(err)
      // A file truncated while it is read would leave the server waiting for bytes that never come.
      if (n === 0) {
        const seen = this.position - this.start
        return void this.destroy(new SourceChangedError(`part ended after ${seen} of ${this.end - this.start} bytes`))
      }
      this.position += n
      this.onBytes(n)
      this.push(n === buffer.length ? buffer : buffer.subarray(0, n))
    })
  }

  /**
   * Into an HTTP request (how the SDK sends a body), a chunk goes back to the pool from its write's
   * callback: by then the socket has handed its bytes to the kernel, or the write failed and they
   * never will be (a closed socket cancels pending writes before it calls back), so nothing reads
   * from the buffer any more. A 2 GB video then reuses a few buffers instead of taking 2,048 fresh
   * ones, each a page-faulting allocation, with a full GC after every ~64 MiB of them. Otherwise
   * as Readable.pipe: it follows the request's backpressure, ends it, and stops when it closes.
   */
  override pipe<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T {
    if (!(dest instanceof OutgoingMessage) || options?.end === false) return super.pipe(dest, options)
    const request: OutgoingMessage = dest
    const resume = (): void => void this.resume()
    const send = (chunk: Buffer): void => {
      if (request.write(chunk, () => chunkBuffers.give(chunk))) return
      this.pause()
      request.once('drain', resume)
    }
    const end = (): void => void request.end()
    this.on('data', send)
    this.once('end', end)
    request.once('close', () => {
      this.off('data', send)
      this.off('end', end)
      request.off('drain', resume)
      this.pause()
    })
    return dest
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    const fd = this.fd
    this.fd = undefined
    if (fd === undefined) return callback(err)
    const closeNow = (): void => close(fd, () => callback(err))
    if (this.reading) this.closeWhenRead = closeNow
    else closeNow()
  }
}

export function partStream(path: string, start: number, end: number, onBytes: (n: number) => void): FileRangeStream {
  return new FileRangeStream(path, start, end, onBytes)
}
