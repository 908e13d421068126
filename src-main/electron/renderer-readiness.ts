/**
 * Decides whether an event may be sent to the renderer right now. A renderer counts as ready once
 * its current page has sent us a command (it calls `getSnapshot` at start, after subscribing to
 * events), and stops counting when it navigates, reloads or crashes. Events meanwhile are dropped,
 * not queued: the snapshot the renderer fetches on start already contains everything they said.
 * (Electron Fiddle's src/main/ipc.ts waits for the renderer the same way.)
 */

/** The part of Electron's WebContents this needs; a plain object in tests. */
export interface RendererTarget {
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

export class RendererReadiness<T extends RendererTarget> {
  private readonly ready = new WeakSet<T>()

  markReady(target: T): void {
    this.ready.add(target)
  }

  markNotReady(target: T): void {
    this.ready.delete(target)
  }

  isReady(target: T | null | undefined): target is T {
    return target != null && !target.isDestroyed() && this.ready.has(target)
  }

  /** Sends when the target is alive and ready; returns false when the event was dropped. */
  send(target: T | null | undefined, channel: string, payload: unknown): boolean {
    if (!this.isReady(target)) return false
    try {
      target.send(channel, payload)
      return true
    } catch {
      // The frame can be disposed between the check and the send (window closing); the event is
      // then simply not delivered, and main must not crash over it.
      this.ready.delete(target)
      return false
    }
  }
}
