/**
 * Which waiting file starts next. Two lanes, first come first served within each: files pushed
 * as large start ahead of small ones, up to a cap of large files in progress, so a long upload
 * can start early and overlap other work; the cap keeps a folder of videos from holding every
 * photo back. With everything pushed as small it is a plain FIFO (the engine's default).
 */
export class UploadQueue<T extends { status: string }> {
  private large: T[] = []
  private small: T[] = []

  push(item: T, large: boolean): void {
    ;(large ? this.large : this.small).push(item)
  }

  remove(item: T): void {
    for (const lane of [this.large, this.small]) {
      const i = lane.indexOf(item)
      if (i >= 0) lane.splice(i, 1)
    }
  }

  /** The next item still `queued`, or undefined; items that left that status are dropped. */
  next(largeInProgress: number, maxLargeInProgress: number): { item: T; large: boolean } | undefined {
    const fromLane = (lane: T[]): T | undefined => {
      while (lane.length > 0) {
        const item = lane.shift() as T
        if (item.status === 'queued') return item
      }
      return undefined
    }
    if (largeInProgress < maxLargeInProgress) {
      const item = fromLane(this.large)
      if (item) return { item, large: true }
    }
    const item = fromLane(this.small)
    if (item) return { item, large: false }
    // Only large files left: the cap only exists to let small ones through.
    const rest = fromLane(this.large)
    return rest ? { item: rest, large: true } : undefined
  }

  hasQueued(): boolean {
    return this.large.some((i) => i.status === 'queued') || this.small.some((i) => i.status === 'queued')
  }
}
