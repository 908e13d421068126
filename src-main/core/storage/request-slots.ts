/**
 * A counting semaphore: the engine's one bound on requests in flight, shared by every file and
 * every part, so 500 photos and a 2 GB video together never exceed `concurrency` requests.
 * Waiters are served first come, first served; an aborted waiter leaves the line.
 */
export class RequestSlots {
  private free: number
  private readonly waiters: { grant: () => void; reject: (err: unknown) => void }[] = []

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('Concurrency must be a whole number >= 1.')
    this.free = size
  }

  get inUse(): number {
    return this.size - this.free
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted()
    if (this.free > 0 && this.waiters.length === 0) {
      this.free--
      return this.releaser()
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        reject,
      }
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter)
        if (i >= 0) this.waiters.splice(i, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(waiter)
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

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiters.shift()
      // The slot passes straight to the next waiter; `free` only grows when nobody waits.
      if (next) next.grant()
      else this.free++
    }
  }
}
