/**
 * A counting semaphore: at most `size` holders at once, waiters served first come, first served.
 * A release hands its slot straight to the next waiter, so no newcomer slips in between; an
 * aborted waiter leaves the line. The line is a head-indexed array, not `shift()`, because a
 * 50,000-file drop queues every file here at once.
 */
interface Waiter {
  grant: () => void
  cancelled: boolean
}

export class Slots {
  private free: number
  private line: Waiter[] = []
  private head = 0

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('Concurrency must be a whole number >= 1.')
    this.free = size
  }

  get inUse(): number {
    return this.size - this.free
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    let n = 0
    for (let i = this.head; i < this.line.length; i++) if (!(this.line[i] as Waiter).cancelled) n++
    return n
  }

  /** Resolves with the slot's release function (calling it twice releases once). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted()
    if (this.free > 0 && this.head === this.line.length) {
      this.free--
      return this.releaser()
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        waiter.cancelled = true
        reject(signal?.reason)
      }
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        cancelled: false,
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.line.push(waiter)
    })
    return this.releaser()
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal)
    try {
      return await task()
    } finally {
      release()
    }
  }

  private next(): Waiter | undefined {
    while (this.head < this.line.length) {
      const waiter = this.line[this.head++] as Waiter
      if (this.head > 1024 && this.head * 2 > this.line.length) {
        this.line = this.line.slice(this.head)
        this.head = 0
      }
      if (!waiter.cancelled) return waiter
    }
    return undefined
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.next()
      if (next) next.grant()
      else this.free++
    }
  }
}
