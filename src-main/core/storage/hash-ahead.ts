/**
 * sha256 of queued files, computed ahead of their upload. The hash must be known before the
 * first byte is sent (it travels as object metadata, set when the upload starts), so a 2 GB
 * video at the end of the queue would otherwise leave the network idle while it is read. One
 * file at a time is hashed while other files upload, the largest first: its hash gates the
 * longest upload, and the store's join of its parts at the end. A file whose turn comes first
 * is hashed on demand instead of waiting in line. Hashing runs on worker threads
 * (hash-threads.ts), so it never holds up the main thread's uploads.
 */
import { HashThreads } from './hash-threads'

interface Entry {
  path: string
  size: number
  controller: AbortController
  result?: Promise<string>
}

export class HashAhead {
  private readonly entries = new Map<string, Entry>()
  private readonly waiting: Entry[] = []
  private running = false
  private readonly threads = new HashThreads()

  /** Schedules a file; `id` must change when the file does (e.g. path + size + mtime). */
  request(id: string, path: string, size: number): void {
    if (this.entries.has(id)) return
    const entry: Entry = { path, size, controller: new AbortController() }
    this.entries.set(id, entry)
    this.waiting.push(entry)
    this.runNext()
  }

  /** The file's hash: the one computed ahead, or computed now. */
  get(id: string, path: string, signal: AbortSignal): Promise<string> {
    let entry = this.entries.get(id)
    if (!entry) {
      entry = { path, size: 0, controller: new AbortController() }
      this.entries.set(id, entry)
    } else {
      const i = this.waiting.indexOf(entry)
      if (i >= 0) this.waiting.splice(i, 1)
    }
    const result = this.start(entry)
    return signal.aborted ? Promise.reject(signal.reason) : result
  }

  forget(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.entries.delete(id)
    const i = this.waiting.indexOf(entry)
    if (i >= 0) this.waiting.splice(i, 1)
    entry.controller.abort()
  }

  /** Final: forgets every hash and ends the threads. */
  stop(): void {
    for (const id of [...this.entries.keys()]) this.forget(id)
    this.threads.stop()
  }

  private start(entry: Entry): Promise<string> {
    if (!entry.result) {
      entry.result = this.threads.hash(entry.path, entry.controller.signal)
      // A failure surfaces when the upload asks for the hash; until then it is not unhandled.
      entry.result.catch(() => undefined)
    }
    return entry.result
  }

  private runNext(): void {
    if (this.running || this.waiting.length === 0) return
    const largest = this.waiting.reduce((a, b) => (b.size > a.size ? b : a))
    const entry = this.waiting.splice(this.waiting.indexOf(largest), 1)[0] as Entry
    this.running = true
    void this.start(entry)
      .catch(() => undefined)
      .finally(() => {
        this.running = false
        this.runNext()
      })
  }
}
