/**
 * Counts work in flight and lets a producer wait for room or for all of it to finish. Unlike
 * `Promise.race` over the pending set, waiting costs nothing per pending item, which matters
 * when thousands of probes are queued (a race per completion would be quadratic and would pile
 * reactions onto every pending promise).
 */
export class InFlight {
  private count = 0
  private waiters: (() => void)[] = []

  get size(): number {
    return this.count
  }

  track(work: Promise<unknown>): void {
    this.count++
    const done = (): void => {
      this.count--
      const waiters = this.waiters
      this.waiters = []
      for (const wake of waiters) wake()
    }
    work.then(done, done)
  }

  /** Resolves once at most `limit` items are in flight. */
  async room(limit: number): Promise<void> {
    while (this.count > limit) await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  /** Resolves once nothing is in flight. */
  drained(): Promise<void> {
    return this.room(0)
  }
}
