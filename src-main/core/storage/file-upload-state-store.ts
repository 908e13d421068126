/**
 * The upload journal on disk: append-only ndjson, fsynced before a write is acknowledged, so a
 * part is only counted as finished once a crash can no longer forget it. Concurrent writes share
 * one write + fdatasync ("group commit"): 500 small files do not cost 500 serial fsyncs.
 * On open the file is replayed (a torn last line from a crash is ignored) and rewritten compactly
 * via temp file + fsync + rename; it is compacted again once it holds many superseded records.
 *
 * A full (or read-only) disk fails the writes of that moment with a JournalWriteError, and only
 * them: a write the disk took only part of is cut off again, since the next record would
 * otherwise be glued to the torn line and be lost with it on replay. Compaction is only tidying:
 * when it fails, the journal stays as it is and takes further records.
 */
import { mkdir, open, readFile, rename, rm, truncate } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../fs/private-mode'
import { writeAll } from '../fs/write-all'
import { JournalWriteError } from './classify-error'
import { applyRecord, MemoryUploadStateStore } from './upload-state-store'
import type { JournalRecord } from './upload-state-store'
import type { UploadState } from './types'

export interface FileStoreOptions {
  /** Compact once this many records were appended since the last compaction. */
  compactAfter?: number
}

function parseLines(text: string): { records: JournalRecord[]; skipped: number } {
  const records: JournalRecord[] = []
  let skipped = 0
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
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

/** Bytes up to and including the last line break: what is left without a torn last line. */
function completeLinesLength(bytes: Buffer): number {
  return bytes.lastIndexOf(0x0a) + 1
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename durable on POSIX; Windows cannot open a directory, and NTFS needs no such step.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* not supported on this platform */
  }
}

export class FileUploadStateStore extends MemoryUploadStateStore {
  private fd: FileHandle | undefined
  private pending: string[] = []
  private waiters: { resolve: () => void; reject: (err: unknown) => void }[] = []
  private flushing: Promise<void> | undefined
  private appendedSinceCompaction = 0
  /** Bytes of whole, synced lines in the file: where a failed write is cut back to. */
  private length = 0
  private closed = false
  /** Lines that could not be read at open (a torn tail after a crash). */
  skippedAtOpen = 0

  private constructor(
    readonly path: string,
    private readonly compactAfter: number,
  ) {
    super()
  }

  static async open(path: string, options: FileStoreOptions = {}): Promise<FileUploadStateStore> {
    const store = new FileUploadStateStore(path, options.compactAfter ?? 2_000)
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
    const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return Buffer.alloc(0)
      throw err
    })
    const { records, skipped } = parseLines(bytes.toString('utf8'))
    for (const record of records) applyRecord(store.states, record)
    store.skippedAtOpen = skipped
    try {
      await store.compact()
    } catch {
      // No room to rewrite it (a full disk): go on with the journal as it is, minus a torn tail.
      store.length = completeLinesLength(bytes)
      if (store.length < bytes.length) await truncate(path, store.length)
      store.fd ??= await open(path, 'a', PRIVATE_FILE_MODE)
    }
    return store
  }

  /** Waits for every acknowledged write and closes the file. */
  async close(): Promise<void> {
    this.closed = true
    await this.flushing
    await this.fd?.close()
    this.fd = undefined
  }

  protected override record(record: JournalRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`Upload journal ${this.path} is closed.`))
    applyRecord(this.states, record)
    this.pending.push(`${JSON.stringify(record)}\n`)
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    this.kick()
    return done
  }

  private kick(): void {
    if (this.flushing) return
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined
      if (this.pending.length > 0) this.kick()
    })
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const lines = this.pending
      const waiters = this.waiters
      this.pending = []
      this.waiters = []
      try {
        await this.append(Buffer.from(lines.join('')))
        for (const w of waiters) w.resolve()
      } catch (err) {
        for (const w of waiters) w.reject(err)
        continue
      }
      this.appendedSinceCompaction += lines.length
      if (this.appendedSinceCompaction >= this.compactAfter) {
        // The records are safe already; on a full disk, try again after as many more.
        await this.compact().catch(() => (this.appendedSinceCompaction = 0))
      }
    }
  }

  private async append(data: Buffer): Promise<void> {
    const fd = this.fd
    if (!fd) throw new Error(`Upload journal ${this.path} is closed.`)
    try {
      await writeAll(fd, data)
      await fd.datasync()
      this.length += data.length
    } catch (err) {
      await fd.truncate(this.length).catch(() => undefined)
      throw new JournalWriteError(this.path, err)
    }
  }

  /** Rewrites the journal as one `state` record per live upload; on failure it is left as it was. */
  private async compact(): Promise<void> {
    const tmp = `${this.path}.tmp`
    const states: UploadState[] = [...this.states.values()]
    const data = Buffer.from(states.map((state) => `${JSON.stringify({ t: 'state', state })}\n`).join(''))
    try {
      const out = await open(tmp, 'w', PRIVATE_FILE_MODE)
      // The rename makes this the journal: a temp file left by a crash must not lend it its mode.
      await out.chmod(PRIVATE_FILE_MODE).catch(() => undefined)
      try {
        await writeAll(out, data)
        await out.sync()
      } finally {
        await out.close()
      }
      // Closed before the rename: Windows cannot replace a file that is open.
      await this.fd?.close()
      this.fd = undefined
      await rename(tmp, this.path)
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined)
      this.fd ??= await open(this.path, 'a', PRIVATE_FILE_MODE)
      throw err
    }
    this.fd = await open(this.path, 'a', PRIVATE_FILE_MODE)
    this.length = data.length
    await fsyncDir(dirname(this.path))
    this.appendedSinceCompaction = 0
  }
}
