/**
 * The upload journal on disk (`uploads.ndjson`), kept in the one journal (`core/fs/journal.ts`):
 * append-only ndjson, fsynced before a write is acknowledged, so a part is only counted as finished
 * once a crash can no longer forget it; concurrent writes share one write + fdatasync (group commit),
 * so 500 small files do not cost 500 serial fsyncs. On open a torn last line from a crash is cut
 * off, the file is replayed and rewritten compactly (temp file + fsync + rename); it is compacted
 * again once it holds many superseded records.
 *
 * A full (or read-only) disk fails the writes of that moment with a JournalWriteError, and only
 * them. Compaction is only tidying: when it fails, the journal stays as it is and takes further
 * records.
 */
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Journal, journalLines } from '../fs/journal'
import { PRIVATE_DIR_MODE } from '../fs/private-mode'
import { JournalWriteError } from './classify-error'
import { applyRecord, MemoryUploadStateStore } from './upload-state-store'
import type { JournalRecord } from './upload-state-store'

export interface FileStoreOptions {
  /** Compact once this many records were appended since the last compaction. */
  compactAfter?: number
}

function parseLines(text: string): { records: JournalRecord[]; skipped: number } {
  const records: JournalRecord[] = []
  let skipped = 0
  for (const line of journalLines(text)) {
    try {
      const record = JSON.parse(line) as JournalRecord
      if (record && typeof record === 'object' && 't' in record) records.push(record)
      else skipped++
    } catch {
      skipped++
    }
  }
  return { records, skipped }
}

export class FileUploadStateStore extends MemoryUploadStateStore {
  private appendedSinceCompaction = 0
  private closed = false
  /** Lines that could not be read at open (a torn tail after a crash). */
  skippedAtOpen = 0

  private constructor(
    readonly path: string,
    private readonly journal: Journal,
    private readonly compactAfter: number,
  ) {
    super()
  }

  static async open(path: string, options: FileStoreOptions = {}): Promise<FileUploadStateStore> {
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
    const { journal, contents } = await Journal.open(path)
    const store = new FileUploadStateStore(path, journal, options.compactAfter ?? 2_000)
    const { records, skipped } = parseLines(contents.text)
    for (const record of records) applyRecord(store.states, record)
    store.skippedAtOpen = skipped + (contents.torn ? 1 : 0)
    // No room to rewrite it (a full disk): go on with the journal as it is, its torn tail cut off.
    await store.compact().catch(() => undefined)
    return store
  }

  /** Waits for every acknowledged write and closes the file. */
  async close(): Promise<void> {
    this.closed = true
    await this.journal.close()
  }

  protected override record(record: JournalRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`Upload journal ${this.path} is closed.`))
    applyRecord(this.states, record)
    const written = this.journal.append(JSON.stringify(record)).catch((err: unknown) => {
      throw new JournalWriteError(this.path, err)
    })
    if (++this.appendedSinceCompaction >= this.compactAfter) {
      // Runs after the records before it are safe; on a full disk, try again after as many more.
      void this.compact().catch(() => undefined)
    }
    return written
  }

  /** Rewrites the journal as one `state` record per live upload; on failure it is left as it was. */
  private compact(): Promise<void> {
    this.appendedSinceCompaction = 0
    return this.journal.rewrite(() =>
      [...this.states.values()].map((state) => `${JSON.stringify({ t: 'state', state })}\n`).join(''),
    )
  }
}
