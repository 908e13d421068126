/**
 * One pass over a file's bytes: sha256 of all of them (the upload reuses it), the first
 * `headBytes` kept for format probing, the last bytes kept for end-of-file checks, and where
 * the last JPEG end-of-image marker sits. Memory stays at one chunk plus the head, whatever
 * the file's size. A short read ends the file: regular files only read short at EOF.
 * The pass runs on the read thread (read-thread.ts), one per process, shared by every caller.
 */
import { close, open, read } from 'node:fs'
import type { ReadResult } from './read-pass'
import { ReadThread } from './read-thread'

export type { ReadResult } from './read-pass'

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
