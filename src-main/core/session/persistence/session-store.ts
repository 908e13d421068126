/**
 * Keeps a session on disk: every change is appended to `journal.ndjson` and flushed (write +
 * fdatasync) before `durable()` resolves. Changes made while a flush runs share the next one
 * ("group commit"), so a scan of 50,000 files costs a few hundred fsyncs, not 100,000. Once the
 * journal outgrows the snapshot it is folded into a new snapshot and emptied.
 */
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { PRIVATE_FILE_MODE } from '../../fs/private-mode'
import { writeAll } from '../../fs/write-all'
import type { JournalLine, SessionMeta, SessionRecord } from './journal-records'
import { sessionFiles, writeSnapshot, type SnapshotData } from './session-files'

export interface SessionStoreOptions {
  /** Compact once the journal holds this many bytes and more than the last snapshot. Default 8 MiB. */
  compactBytes?: number
}

interface Waiter {
  resolve: () => void
  reject: (err: unknown) => void
}

export class SessionStore {
  private fd: FileHandle | undefined
  private pending: string[] = []
  private waiters: Waiter[] = []
  private flushing: Promise<void> | undefined
  private compactRequested = false
  private closed = false
  private readonly compactBytes: number
  /** A write failure (disk full, folder gone) not yet made good by a snapshot; the session goes on in memory. */
  failure: Error | undefined

  private constructor(
    readonly dir: string,
    private seq: number,
    private journalBytes: number,
    private snapshotBytes: number,
    public meta: SessionMeta,
    /** The session as it is now (rows and id), for compaction. */
    private readonly state: () => Omit<SnapshotData, 'seq' | 'meta'>,
    options: SessionStoreOptions,
  ) {
    this.compactBytes = options.compactBytes ?? 8 * 1024 * 1024
  }

  static async open(
    dir: string,
    start: { seq: number; journalBytes: number; snapshotBytes: number; meta: SessionMeta },
    state: () => Omit<SnapshotData, 'seq' | 'meta'>,
    options: SessionStoreOptions = {},
  ): Promise<SessionStore> {
    const store = new SessionStore(dir, start.seq, start.journalBytes, start.snapshotBytes, start.meta, state, options)
    store.fd = await open(sessionFiles(dir).journal, 'a', PRIVATE_FILE_MODE)
    // A journal made before modes were set keeps its old one otherwise.
    await store.fd.chmod(PRIVATE_FILE_MODE).catch(() => undefined)
    return store
  }

  /** Records one change; it is on disk once `durable()` resolves. */
  append(record: SessionRecord): void {
    if (this.closed) return
    if (record.t === 'meta') this.meta = record.meta
    const line: JournalLine = { seq: ++this.seq, ...record }
    this.pending.push(`${JSON.stringify(line)}\n`)
    this.kick()
  }

  setMeta(meta: SessionMeta): void {
    this.append({ t: 'meta', meta })
  }

  /**
   * Resolves when every change recorded so far is on disk; rejects if writing failed. After a
   * failure (a full disk) it first tries a snapshot of the whole session: once that is written,
   * the changes the failed writes lost are on disk too, and the store works again.
   */
  durable(): Promise<void> {
    if (this.failure) this.compactRequested = true
    else if (this.pending.length === 0 && !this.flushing) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject })
      this.kick()
    })
  }

  /** Folds the journal into a new snapshot now (on close, and for tests). */
  async compact(): Promise<void> {
    this.compactRequested = true
    this.kick()
    await this.durable()
  }

  async close(options: { compact?: boolean } = {}): Promise<void> {
    if (this.closed) return
    if (options.compact) await this.compact().catch(() => undefined)
    this.closed = true
    await this.flushing
    await this.fd?.close()
    this.fd = undefined
  }

  private kick(): void {
    if (this.flushing) return
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined
      if (this.pending.length > 0 || this.compactRequested || this.waiters.length > 0) this.kick()
    })
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0 || this.compactRequested || this.waiters.length > 0) {
      const lines = this.pending
      const waiters = this.waiters
      this.pending = []
      this.waiters = []
      try {
        const fd = this.fd
        if (!fd) throw new Error(`The session journal in ${this.dir} is closed.`)
        if (this.compactRequested || this.journalBytes >= Math.max(this.compactBytes, this.snapshotBytes)) {
          // The snapshot holds every change so far, the pending lines included: they need no write.
          await this.writeSnapshotNow(fd)
        } else if (lines.length > 0) {
          await this.appendLines(fd, lines.join(''))
        }
        // A change lost in an earlier failed write is not on disk either, until a snapshot holds it.
        for (const w of waiters) {
          if (this.failure) w.reject(this.failure)
          else w.resolve()
        }
      } catch (err) {
        this.failure ??= err instanceof Error ? err : new Error(String(err))
        for (const w of waiters) w.reject(this.failure)
      }
    }
  }

  private async appendLines(fd: FileHandle, text: string): Promise<void> {
    try {
      const bytes = await writeAll(fd, text)
      await fd.datasync()
      this.journalBytes += bytes
    } catch (err) {
      // A full disk may have taken part of the text: cut it off, or the next line would be glued
      // to the torn one and be lost with it on replay.
      await fd.truncate(this.journalBytes).catch(() => undefined)
      throw err
    }
  }

  private async writeSnapshotNow(fd: FileHandle): Promise<void> {
    this.compactRequested = false
    // Taken synchronously: it matches `seq` exactly, whatever changes while it is written.
    const data: SnapshotData = { ...this.state(), seq: this.seq, meta: this.meta }
    this.snapshotBytes = await writeSnapshot(this.dir, data)
    // Every journal line is now in the snapshot; a crash before the truncate only replays lines it skips.
    await fd.truncate(0)
    await fd.datasync()
    this.journalBytes = 0
    this.failure = undefined
  }
}
