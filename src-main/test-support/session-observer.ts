/**
 * Test helper: what a session folder holds right now, read without opening it (a running
 * `media-import` owns it): the rows (snapshot + journal replayed) and the upload journal's states.
 * Reads are incremental — only lines appended since the last look are parsed, and a file that was
 * replaced (compaction, a new snapshot) is read again from its start — so a test can look every
 * few milliseconds. A torn last line waits for its end, as the app itself does on open.
 */
import { open, stat } from 'node:fs/promises'
import { applyRecord as applyRowRecord, parseLine, type ReplayState } from '../core/session/persistence/journal-records'
import { readSnapshot, sessionFiles } from '../core/session/persistence/session-files'
import type { Row } from '../core/model/row'
import type { UploadState } from '../core/storage/types'
import { applyRecord as applyUploadRecord, type JournalRecord } from '../core/storage/upload-state-store'

export interface ObservedSession {
  rows: Row[]
  /** uploadKey -> state; `uploaded` means on the server and verified. */
  uploads: Map<string, UploadState>
}

/** Follows one append-only file: the complete lines added since the last call. */
class LineFollower {
  private identity = ''
  private offset = 0
  private rest = ''

  constructor(private readonly path: string) {}

  /** New complete lines, and whether the file was replaced (so earlier lines no longer count). */
  async next(): Promise<{ lines: string[]; replaced: boolean }> {
    const info = await stat(this.path).catch(() => undefined)
    if (!info) return { lines: [], replaced: false }
    const identity = `${info.ino}:${info.birthtimeMs}`
    const replaced = identity !== this.identity || info.size < this.offset
    if (replaced) {
      this.identity = identity
      this.offset = 0
      this.rest = ''
    }
    if (info.size === this.offset) return { lines: [], replaced }
    const handle = await open(this.path, 'r')
    try {
      const buffer = Buffer.alloc(info.size - this.offset)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset)
      this.offset += bytesRead
      const text = this.rest + buffer.subarray(0, bytesRead).toString('utf8')
      const lines = text.split('\n')
      this.rest = lines.pop() ?? ''
      return { lines: lines.filter((l) => l.trim()), replaced }
    } finally {
      await handle.close()
    }
  }
}

export class SessionObserver {
  private snapshotIdentity = ''
  private snapshotSeq = 0
  private state: ReplayState = { rows: new Map(), meta: { createdAt: '' } }
  private journal: LineFollower
  private readonly uploadLines: LineFollower
  private uploads = new Map<string, UploadState>()

  constructor(private readonly dir: string) {
    this.journal = new LineFollower(sessionFiles(dir).journal)
    this.uploadLines = new LineFollower(sessionFiles(dir).uploads)
  }

  async observe(): Promise<ObservedSession> {
    await this.followRows()
    const { lines, replaced } = await this.uploadLines.next()
    if (replaced) this.uploads = new Map()
    for (const line of lines) {
      try {
        applyUploadRecord(this.uploads, JSON.parse(line) as JournalRecord)
      } catch {
        // Not a record: skipped, as the upload journal itself does.
      }
    }
    return { rows: [...this.state.rows.values()], uploads: new Map(this.uploads) }
  }

  private async followRows(): Promise<void> {
    const info = await stat(sessionFiles(this.dir).snapshot).catch(() => undefined)
    const identity = info ? `${info.ino}:${info.mtimeMs}:${info.size}` : ''
    if (identity !== this.snapshotIdentity) {
      // A new snapshot (renamed into place atomically): start from it and replay the journal again.
      this.snapshotIdentity = identity
      const snapshot = await readSnapshot(this.dir).catch(() => undefined)
      this.state = {
        rows: new Map(snapshot?.rows.map((row) => [row.rowId, row])),
        meta: snapshot?.meta ?? { createdAt: '' },
      }
      this.snapshotSeq = snapshot?.seq ?? 0
      // The journal's records after the snapshot's seq apply again, from its first line.
      this.journal = new LineFollower(sessionFiles(this.dir).journal)
    }
    const { lines } = await this.journal.next()
    for (const line of lines) {
      const record = parseLine(line)
      if (record && record.seq > this.snapshotSeq) applyRowRecord(this.state, record)
    }
  }
}

/** One look at a session folder (no state kept). */
export async function observeSession(dir: string): Promise<ObservedSession> {
  return new SessionObserver(dir).observe()
}
