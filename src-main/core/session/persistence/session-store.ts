/**
 * Keeps a session on disk: every change is appended to `journal.ndjson` (the one journal,
 * `core/fs/journal.ts`: write-all, fdatasync, group commit) and is on disk once `durable()`
 * resolves; a scan of 50,000 files costs a few hundred fsyncs, not 100,000. Once the journal
 * outgrows the snapshot it is folded into a new `session.json` and emptied (a checkpoint).
 */
import type { Journal } from '../../fs/journal'
import type { JournalLine, SessionMeta, SessionRecord } from './journal-records'
import { writeSnapshot, type SnapshotData } from './session-files'

export interface SessionStoreOptions {
  /** Compact once the journal holds this many bytes and more than the last snapshot. Default 8 MiB. */
  compactBytes?: number
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)))

export class SessionStore {
  private compactQueued = false
  private lastWrite: Promise<void> | undefined
  private closed = false
  private readonly compactBytes: number
  /** A write failure (disk full, folder gone) not yet made good by a snapshot; the session goes on in memory. */
  failure: Error | undefined

  private constructor(
    readonly dir: string,
    private readonly journal: Journal,
    private seq: number,
    private snapshotBytes: number,
    public meta: SessionMeta,
    /** The session as it is now (rows and id), for compaction. */
    private readonly state: () => Omit<SnapshotData, 'seq' | 'meta'>,
    options: SessionStoreOptions,
  ) {
    this.compactBytes = options.compactBytes ?? 8 * 1024 * 1024
  }

  /** A store on an open journal (`Journal.open` on the folder's `journal.ndjson`), after `start.seq`. */
  static open(
    dir: string,
    journal: Journal,
    start: { seq: number; snapshotBytes: number; meta: SessionMeta },
    state: () => Omit<SnapshotData, 'seq' | 'meta'>,
    options: SessionStoreOptions = {},
  ): SessionStore {
    return new SessionStore(dir, journal, start.seq, start.snapshotBytes, start.meta, state, options)
  }

  /** Records one change; it is on disk once `durable()` resolves. */
  append(record: SessionRecord): void {
    if (this.closed) return
    if (record.t === 'meta') this.meta = record.meta
    const line: JournalLine = { seq: ++this.seq, ...record }
    const written = this.journal.append(JSON.stringify(line))
    // Lines that share a write share its promise: one failure handler per write, not per line.
    if (written !== this.lastWrite) {
      this.lastWrite = written
      written.catch((err: unknown) => {
        this.failure ??= asError(err)
      })
    }
    if (!this.compactQueued && this.journal.bytes >= Math.max(this.compactBytes, this.snapshotBytes)) {
      void this.compact().catch(() => undefined)
    }
  }

  setMeta(meta: SessionMeta): void {
    this.append({ t: 'meta', meta })
  }

  /**
   * Resolves when every change recorded so far is on disk; rejects if writing failed. After a
   * failure (a full disk) it first tries a snapshot of the whole session: once that is written,
   * the changes the failed writes lost are on disk too, and the store works again.
   */
  async durable(): Promise<void> {
    if (this.failure) await this.compact()
    else await this.journal.settled()
    if (this.failure) throw this.failure
  }

  /** Folds the journal into a new snapshot now (on close, and for tests). */
  compact(): Promise<void> {
    this.compactQueued = true
    return this.journal
      .checkpoint(async () => {
        this.compactQueued = false
        // Taken synchronously: it matches `seq` exactly, whatever changes while it is written.
        const data: SnapshotData = { ...this.state(), seq: this.seq, meta: this.meta }
        this.snapshotBytes = await writeSnapshot(this.dir, data)
      })
      .then(
        () => {
          // A change lost in an earlier failed write is in the snapshot now.
          this.failure = undefined
        },
        (err: unknown) => {
          this.failure ??= asError(err)
          throw this.failure
        },
      )
  }

  async close(options: { compact?: boolean } = {}): Promise<void> {
    if (this.closed) return
    if (options.compact) await this.compact().catch(() => undefined)
    this.closed = true
    await this.journal.close()
  }
}
