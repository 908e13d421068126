/**
 * One pass over a file's bytes: sha256 of all of them (the upload reuses it), the first
 * `headBytes` kept for format probing, the last bytes kept for end-of-file checks, and where
 * the last JPEG end-of-image marker sits. Memory stays at one chunk plus the head, whatever
 * the file's size. A short read ends the file: regular files only read short at EOF.
 * Uses the callback fs API through small promise wrappers: per small file it costs a third of
 * what fs/promises' FileHandle does on the main thread, and this runs once per file.
 */
import { createHash, hash as digestOnce } from 'node:crypto'
import { close, open, read } from 'node:fs'

export interface ReadResult {
  sha256: string
  /** Bytes actually read. */
  size: number
  /** May be a view of the reused chunk buffer: valid until the probe of this file ends, never kept. */
  head: Buffer
  /** Up to the last `tailBytes` bytes. */
  tail: Buffer
  /** Offset of the last 0xFF 0xD9 pair in the file, or -1. */
  lastEoi: number
}

export interface ReadOptions {
  headBytes: number
  /** A reusable chunk buffer; one is allocated when absent. */
  chunk?: Buffer
  signal?: AbortSignal
}

const tailBytes = 64
export const defaultChunkBytes = 1 << 20

const openFile = (path: string): Promise<number> =>
  new Promise((resolve, reject) => open(path, 'r', (err, fd) => (err ? reject(err) : resolve(fd))))
const readInto = (fd: number, buf: Buffer, length: number, position: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buf, 0, length, position, (err, n) => (err ? reject(err) : resolve(n))))
const closeFile = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => close(fd, (err) => (err ? reject(err) : resolve())))

function lastEoiIn(data: Buffer): number {
  let at = data.lastIndexOf(0xd9)
  while (at > 0 && data[at - 1] !== 0xff) at = data.lastIndexOf(0xd9, at - 1)
  return at > 0 ? at - 1 : -1
}

export async function readAndHash(path: string, expectedSize: number, options: ReadOptions): Promise<ReadResult> {
  const fd = await openFile(path)
  try {
    // Most media headers and many whole files fit the head: one read, into the reused chunk
    // when there is one (no allocation per file), else into a buffer of the file's size.
    if (expectedSize < options.headBytes) {
      const reuse = options.chunk && options.chunk.length > expectedSize
      const buf = reuse ? (options.chunk as Buffer).subarray(0, expectedSize + 1) : Buffer.allocUnsafe(expectedSize + 1)
      const bytesRead = await readInto(fd, buf, buf.length, 0)
      if (bytesRead <= expectedSize) {
        const data = buf.subarray(0, bytesRead)
        // One synchronous one-shot digest: for a file under the head size it costs less, on the
        // main thread alone, than handing it to WebCrypto's job (which copies the bytes and
        // still spends more main-thread time per call than the hash itself), and allocates less.
        return {
          sha256: digestOnce('sha256', data, 'hex'),
          size: bytesRead,
          head: data,
          tail: data.subarray(Math.max(0, bytesRead - tailBytes)),
          lastEoi: lastEoiIn(data),
        }
      }
    }
    const hash = createHash('sha256')
    const chunk = options.chunk ?? Buffer.allocUnsafe(defaultChunkBytes)
    const head = Buffer.allocUnsafe(options.headBytes)
    const tail = Buffer.alloc(tailBytes)
    let headLength = 0
    let tailLength = 0
    let position = 0
    let lastEoi = -1
    let previousLast = -1
    for (;;) {
      options.signal?.throwIfAborted()
      const bytesRead = await readInto(fd, chunk, chunk.length, position)
      if (bytesRead === 0) break
      const data = chunk.subarray(0, bytesRead)
      hash.update(data)
      if (headLength < head.length)
        headLength += data.copy(head, headLength, 0, Math.min(bytesRead, head.length - headLength))
      const eoi = lastEoiIn(data)
      if (eoi >= 0) lastEoi = position + eoi
      else if (previousLast === 0xff && data[0] === 0xd9) lastEoi = position - 1
      previousLast = data[bytesRead - 1] as number
      if (bytesRead >= tailBytes) {
        data.copy(tail, 0, bytesRead - tailBytes)
        tailLength = tailBytes
      } else {
        const keep = Math.min(tailLength, tailBytes - bytesRead)
        tail.copy(tail, 0, tailLength - keep, tailLength)
        data.copy(tail, keep)
        tailLength = keep + bytesRead
      }
      position += bytesRead
      if (bytesRead < chunk.length) break
    }
    return {
      sha256: hash.digest('hex'),
      size: position,
      head: head.subarray(0, headLength),
      tail: tail.subarray(0, tailLength),
      lastEoi,
    }
  } finally {
    await closeFile(fd)
  }
}

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
