/**
 * One pass over a file's bytes: sha256 of all of them (the upload reuses it), the first
 * `headBytes` kept for format probing, the last bytes kept for end-of-file checks, and where
 * the last JPEG end-of-image marker sits. Memory stays at one chunk plus the head, whatever
 * the file's size. A short read ends the file: regular files only read short at EOF.
 * The pass runs on the read thread (read-thread.ts), one per process, shared by every caller.
 */
import { close, open, read } from 'node:fs'
import { ReadThread } from './read-thread'

export interface ReadResult {
  sha256: string
  /** Bytes actually read. */
  size: number
  /**
   * The first `headBytes` bytes (all of a smaller file). May be a slot of the read thread's
   * shared memory: valid until `release()`, never kept beyond the file's probe.
   */
  head: Buffer
  /** Up to the last 64 bytes. */
  tail: Buffer
  /** Offset of the last 0xFF 0xD9 pair in the file, or -1. */
  lastEoi: number
  /** Gives `head`'s memory back for another file; probeFile calls it when it is done. */
  release?: () => void
}

export interface ReadOptions {
  headBytes: number
  signal?: AbortSignal
}

const thread = new ReadThread()

export async function readAndHash(path: string, expectedSize: number, options: ReadOptions): Promise<ReadResult> {
  options.signal?.throwIfAborted()
  return thread.read(path, expectedSize, options.headBytes)
}

const openFile = (path: string): Promise<number> =>
  new Promise((resolve, reject) => open(path, 'r', (err, fd) => (err ? reject(err) : resolve(fd))))
const readInto = (fd: number, buf: Buffer, length: number, position: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buf, 0, length, position, (err, n) => (err ? reject(err) : resolve(n))))
const closeFile = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => close(fd, (err) => (err ? reject(err) : resolve())))

/** The first `length` bytes again, for headers longer than the head kept by readAndHash. */
export async function readStart(path: string, length: number): Promise<Buffer> {
  const fd = await openFile(path)
  try {
    const buf = Buffer.allocUnsafe(length)
    return buf.subarray(0, await readInto(fd, buf, length, 0))
  } finally {
    await closeFile(fd)
  }
}
