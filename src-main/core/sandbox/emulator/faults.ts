/**
 * One-shot faults for the import tests: each queued fault hits the next request it matches, then is
 * gone. Some act before the request is processed (the server never saw it: 5xx, 429, a dropped
 * connection); others after the batch was processed and stored (the ambiguous failures a client must
 * reconcile: a stalled, truncated or failed answer to work that was done).
 */

export interface FaultMatch {
  /** Default 'POST'. */
  method?: string
  /** Substring of the URL path; default '/import/mediaLibrary'. */
  path?: string
}

export type FaultAction =
  | { status: 500 | 502 | 503 }
  | { status: 429; retryAfterSeconds: number }
  /** Processes and stores, then waits this long before answering (clients time out meanwhile). */
  | { delayMs: number }
  /** Processes and stores, then answers 200 with the JSON cut in half. */
  | { malformedJson: true }
  /** Processes and stores, then answers 200 with this body instead (a wrong shape, a huge answer). */
  | { answerBody: string }
  /** Processes and stores, then answers 500. */
  | { storeThenFail: 500 }
  /** Drops the connection without an answer; before processing unless `afterStore`. */
  | { destroySocket: true; afterStore?: boolean }

export type Fault = FaultAction & FaultMatch

const DEFAULT_MATCH = { method: 'POST', path: '/import/mediaLibrary' }

export class FaultQueue {
  private readonly queue: Fault[] = []

  push(...faults: Fault[]): void {
    this.queue.push(...faults)
  }

  /** Removes and returns the first fault matching this request. */
  take(method: string, path: string): Fault | undefined {
    const index = this.queue.findIndex((fault) => {
      const wantMethod = (fault.method ?? DEFAULT_MATCH.method).toUpperCase()
      return wantMethod === method.toUpperCase() && path.includes(fault.path ?? DEFAULT_MATCH.path)
    })
    if (index < 0) return undefined
    return this.queue.splice(index, 1)[0]
  }

  pending(): number {
    return this.queue.length
  }

  clear(): void {
    this.queue.length = 0
  }
}

/** True when the fault replaces processing altogether (the request never reaches the handler). */
export function actsBeforeProcessing(fault: Fault): boolean {
  if ('status' in fault) return true
  if ('destroySocket' in fault) return !fault.afterStore
  return false
}

/** Requests seen, by route (`POST import/mediaLibrary`, `GET mediaLibrary/:id`, …), faulted or not. */
export class RequestCounter {
  private readonly counts = new Map<string, number>()

  record(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1)
  }

  count(route: string): number {
    return this.counts.get(route) ?? 0
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts)
  }

  reset(): void {
    this.counts.clear()
  }
}
