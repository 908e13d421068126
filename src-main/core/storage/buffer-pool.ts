/**
 * Whole-file read buffers used again instead of allocated per file. Fresh buffers cost page faults and
 * garbage collections (measured: a 1 MiB read into a fresh buffer costs about 2.5x the CPU of one
 * into a reused buffer), and on a machine where client and S3 server share the CPU that is time
 * taken from the server. A buffer comes back only once the request that sent it was answered, so
 * the socket can no longer be reading from it; buffers of failed requests are left to the GC.
 */
const MiB = 1024 * 1024

export class BufferPool {
  private readonly free = new Map<number, Buffer[]>()
  private pooledBytes = 0

  constructor(private readonly maxPooledBytes: number) {}

  /** Capacity class: whole MiB, so files of similar size share buffers. */
  static capacityFor(size: number): number {
    return Math.max(MiB, Math.ceil(size / MiB) * MiB)
  }

  take(capacity: number): Buffer {
    const buffer = this.free.get(capacity)?.pop()
    if (!buffer) return Buffer.allocUnsafeSlow(capacity)
    this.pooledBytes -= capacity
    return buffer
  }

  give(buffer: Buffer): void {
    const capacity = buffer.buffer.byteLength
    // Only whole buffers of our own classes; a view into something larger is not ours to reuse.
    if (buffer.byteOffset !== 0 || buffer.length !== capacity) return
    if (this.pooledBytes + capacity > this.maxPooledBytes) return
    const list = this.free.get(capacity) ?? []
    list.push(buffer)
    this.free.set(capacity, list)
    this.pooledBytes += capacity
  }

  get size(): number {
    return this.pooledBytes
  }
}

/** One pool per process: whole small files in flight (at most the active files) come back here. */
export const readBuffers = new BufferPool(16 * MiB)

/** 1 MiB chunks of streamed files, back once the socket wrote them (FileRangeStream.pipe). */
export const chunkBuffers = new BufferPool(32 * MiB)
