/**
 * One synchronous pass over a file's bytes (see read-and-hash.ts for what it yields). It runs
 * on the read thread, and on the main thread for the few files that come before that thread
 * has booted (read-thread.ts). The thread gets these functions' source text, so they use
 * nothing but their parameters and JavaScript's and Node's globals (`Buffer`).
 */

/** What one pass over a file yields. */
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

/** The synchronous fs and crypto calls the pass makes, handed in (see above). */
export interface PassIo {
  openSync: (path: string, flags: string) => number
  readSync: (fd: number, buffer: Buffer, offset: number, length: number, position: number) => number
  closeSync: (fd: number) => void
  createHash: (algorithm: string) => { update: (data: Buffer) => unknown; digest: (encoding: 'hex') => string }
  hash: (algorithm: string, data: Buffer, encoding: 'hex') => string
}

/** Offset of the last 0xFF 0xD9 pair in `data`, or -1. */
export function lastEoiIn(data: Buffer): number {
  let at = data.lastIndexOf(0xd9)
  while (at > 0 && data[at - 1] !== 0xff) at = data.lastIndexOf(0xd9, at - 1)
  return at > 0 ? at - 1 : -1
}

/**
 * Reads `path` once: a file under `headBytes` in one read and one-shot digest; a larger one in
 * `chunk`-sized reads, keeping the head and the last 64 bytes. The head goes `into` the given
 * buffer when it fits (a slot of the read thread's shared memory), else into a buffer of its own
 * (allocUnsafeSlow: its own ArrayBuffer, so the thread can transfer it instead of copying).
 * A short read ends the file: regular files only read short at EOF.
 */
export function readPass(
  io: PassIo,
  path: string,
  expectedSize: number,
  headBytes: number,
  chunk: Buffer,
  into?: Buffer,
): ReadResult {
  const tailBytes = 64
  const fd = io.openSync(path, 'r')
  try {
    if (expectedSize < headBytes) {
      const buf =
        into && into.length > expectedSize
          ? into.subarray(0, expectedSize + 1)
          : Buffer.allocUnsafeSlow(expectedSize + 1)
      const n = io.readSync(fd, buf, 0, buf.length, 0)
      if (n <= expectedSize) {
        const data = buf.subarray(0, n)
        const tail = data.subarray(Math.max(0, n - tailBytes))
        return { sha256: io.hash('sha256', data, 'hex'), size: n, head: data, tail, lastEoi: lastEoiIn(data) }
      }
    }
    const digest = io.createHash('sha256')
    const head = into && into.length >= headBytes ? into.subarray(0, headBytes) : Buffer.allocUnsafeSlow(headBytes)
    const tail = Buffer.alloc(tailBytes)
    let headLength = 0
    let tailLength = 0
    let position = 0
    let lastEoi = -1
    let previousLast = -1
    for (;;) {
      const n = io.readSync(fd, chunk, 0, chunk.length, position)
      if (n === 0) break
      const data = chunk.subarray(0, n)
      digest.update(data)
      if (headLength < head.length) headLength += data.copy(head, headLength, 0, Math.min(n, head.length - headLength))
      const eoi = lastEoiIn(data)
      if (eoi >= 0) lastEoi = position + eoi
      else if (previousLast === 0xff && data[0] === 0xd9) lastEoi = position - 1
      previousLast = data[n - 1] as number
      if (n >= tailBytes) {
        data.copy(tail, 0, n - tailBytes)
        tailLength = tailBytes
      } else {
        const keep = Math.min(tailLength, tailBytes - n)
        tail.copy(tail, 0, tailLength - keep, tailLength)
        data.copy(tail, keep)
        tailLength = keep + n
      }
      position += n
      if (n < chunk.length) break
    }
    const sha256 = digest.digest('hex')
    return { sha256, size: position, head: head.subarray(0, headLength), tail: tail.subarray(0, tailLength), lastEoi }
  } finally {
    io.closeSync(fd)
  }
}
