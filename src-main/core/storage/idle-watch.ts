/**
 * When the upload engine is idle: nothing queued or uploading, and no work pending that will hand
 * it files soon (`expect`). `wait()` resolves then; the engine calls `check()` whenever a file
 * settles, pauses or leaves the queue.
 */
export class IdleWatch {
  private waiters: (() => void)[] = []
  private readonly expected = new Set<Promise<unknown>>()

  constructor(private readonly isIdle: () => boolean) {}

  /** Work that will hand the engine files soon: `wait()` waits for it first. */
  expect(work: Promise<unknown>): void {
    this.expected.add(work)
    void work.finally(() => this.expected.delete(work)).catch(() => undefined)
  }

  async wait(): Promise<void> {
    while (this.expected.size > 0) await Promise.allSettled([...this.expected])
    if (!this.isIdle()) await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  check(): void {
    if (!this.isIdle()) return
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}
