/**
 * sha256 of queued files, computed ahead of their upload. The hash must be known before the
 * first byte is sent (it travels as object metadata, set when the upload starts), so a 2 GB
 * video at the end of the queue would otherwise leave the network idle while it is read. One
 * file at a time is hashed in queue order while other files upload; a file whose turn comes
 * first is hashed on demand instead of waiting in line.
 */
import { hashFile } from './file-source'

interface Entry {
  path: string
  controller: AbortController
  result?: Promise<string>
}

export class HashAhead {
  private readonly entries = new Map<string, Entry>()
  private readonly waiting: Entry[] = []
  private running = false

  /** Schedules a file; `id` must change when the file does (e.g. path + size + mtime). */
  request(id: string, path: string): void {
    if (this.entries.has(id)) return
    const entry: Entry = { path, controller: new AbortController() }
    this.entries.set(id, entry)
    this.waiting.push(entry)
    this.runNext()
  }

  /** The file's hash: the one computed ahead, or computed now. */
  get(id: string, path: string, signal: AbortSignal): Promise<string> {
    let entry = this.entries.get(id)
    if (!entry) {
      entry = { path, controller: new AbortController() }
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

  stop(): void {
    for (const id of [...this.entries.keys()]) this.forget(id)
  }

  private start(entry: Entry): Promise<string> {
    if (!entry.result) {
      entry.result = hashFile(entry.path, entry.controller.signal)
      // A failure surfaces when the upload asks for the hash; until then it is not unhandled.
      entry.result.catch(() => undefined)
    }
    return entry.result
  }

  private runNext(): void {
    if (this.running) return
    const entry = this.waiting.shift()
    if (!entry) return
    this.running = true
    void this.start(entry)
      .catch(() => undefined)
      .finally(() => {
        this.running = false
        this.runNext()
      })
  }
}
