/**
 * One append-only NDJSON journal, the mechanism both the session (`core/session/persistence`) and
 * the upload engine (`core/storage/file-upload-state-store.ts`) keep their changes in.
 *
 * - **Write-all, then fdatasync.** A line counts as written only once it is on disk: the promise
 *   `append` returns resolves after the write and the sync (`write-all.ts` on why one write call is
 *   not enough).
 * - **Group commit.** Lines appended while a write is in flight wait for the next one and share it:
 *   50,000 records cost a few hundred fsyncs, not 50,000.
 * - **A failed write is cut off.** A full disk may take part of a write: the file is truncated back to
 *   its last whole line, or the next line would be glued to the torn one and be lost with it on
 *   replay. Only the lines of that write fail; later ones are tried again.
 * - **A torn tail is cut off on open.** A process killed mid-write leaves a last line without its
 *   line break; it was never acknowledged, so `open` drops it (truncation needs no free space).
 * - **Snapshots.** `rewrite` replaces the journal by a compact one (temp file + fsync + rename +
 *   folder fsync, `atomic-file.ts`); `checkpoint` runs a snapshot kept elsewhere (the session's
 *   `session.json`) and then empties the journal. Both run in order with the appends, never while a
 *   write is in flight.
 */
import { open, readFile, truncate } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { writeFileAtomic } from './atomic-file'
import { PRIVATE_FILE_MODE } from './private-mode'
import { writeAll } from './write-all'

/** What a journal file holds: its whole lines, and whether a torn last line followed them. */
export interface JournalContents {
  /** The whole lines (each ended by a line break), without the torn tail. */
  text: string
  /** Bytes of `text`. */
  bytes: number
  /** True when the file ended in a line without its line break (a write cut short by a crash). */
  torn: boolean
}

/** Reads a journal without changing it (a missing file is an empty journal). */
export async function readJournal(path: string): Promise<JournalContents> {
  const raw = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return Buffer.alloc(0)
    throw err
  })
  const bytes = raw.lastIndexOf(0x0a) + 1
  return { text: raw.subarray(0, bytes).toString('utf8'), bytes, torn: bytes < raw.length }
}

/** The non-empty lines of a journal's text. */
export function journalLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

interface Settle {
  promise: Promise<void>
  resolve: () => void
  reject: (err: unknown) => void
}

function settle(): Settle {
  let resolve!: () => void
  let reject!: (err: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  // A caller that only wants the lines written (and learns of failures elsewhere) may drop it.
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

type Step = (Settle & { kind: 'lines'; lines: string[] }) | (Settle & { kind: 'task'; run: () => Promise<void> })

export class Journal {
  private queue: Step[] = []
  private draining: Promise<void> | undefined
  private closed = false

  private constructor(
    readonly path: string,
    private fd: FileHandle | undefined,
    /** Bytes of whole, synced lines in the file: where a failed write is cut back to. */
    private length: number,
  ) {}

  /** Opens (or creates) the journal for appending, cutting off a torn tail; answers what it held. */
  static async open(path: string): Promise<{ journal: Journal; contents: JournalContents }> {
    const contents = await readJournal(path)
    if (contents.torn) await truncate(path, contents.bytes)
    const fd = await open(path, 'a', PRIVATE_FILE_MODE)
    // A journal made before modes were set keeps its old one otherwise.
    await fd.chmod(PRIVATE_FILE_MODE).catch(() => undefined)
    return { journal: new Journal(path, fd, contents.bytes), contents }
  }

  /** Bytes of whole lines on disk now. */
  get bytes(): number {
    return this.length
  }

  /** Appends one line (no line break in it); resolves once it is on disk, rejects if that write failed. */
  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`The journal ${this.path} is closed.`))
    const last = this.queue.at(-1)
    // The head of the queue may be being written already; anything behind it still joins.
    if (last?.kind === 'lines' && this.queue.length > 1) {
      last.lines.push(`${line}\n`)
      return last.promise
    }
    return this.enqueue({ ...settle(), kind: 'lines', lines: [`${line}\n`] })
  }

  /** Replaces the journal atomically by `content()`, taken when no write is in flight. */
  rewrite(content: () => string): Promise<void> {
    return this.task(async () => {
      const text = Buffer.from(content())
      const fd = this.fd
      let closedOld = false
      try {
        await writeFileAtomic(this.path, (write) => write(text), {
          beforeRename: async () => {
            // Closed before the rename: Windows cannot replace a file that is open.
            closedOld = true
            await fd?.close()
          },
        })
      } catch (err) {
        if (closedOld) this.fd = await open(this.path, 'a', PRIVATE_FILE_MODE)
        throw err
      }
      this.fd = await open(this.path, 'a', PRIVATE_FILE_MODE)
      this.length = text.length
    })
  }

  /** Runs `snapshot` (which stores every change elsewhere) when no write is in flight, then empties the journal. */
  checkpoint(snapshot: () => Promise<void>): Promise<void> {
    return this.task(async () => {
      await snapshot()
      const fd = this.handle()
      // Every line is now in the snapshot; a crash before the truncate only replays lines it skips.
      await fd.truncate(0)
      await fd.datasync()
      this.length = 0
    })
  }

  /** Resolves (never rejects) once everything queued so far has been tried. */
  async settled(): Promise<void> {
    await this.queue.at(-1)?.promise.catch(() => undefined)
  }

  /** Waits for what is queued and closes the file; later appends are refused. */
  async close(): Promise<void> {
    this.closed = true
    await this.draining
    await this.fd?.close()
    this.fd = undefined
  }

  private task(run: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`The journal ${this.path} is closed.`))
    return this.enqueue({ ...settle(), kind: 'task', run })
  }

  private enqueue(step: Step): Promise<void> {
    this.queue.push(step)
    this.draining ??= this.drain()
    return step.promise
  }

  private async drain(): Promise<void> {
    // No await between finding the queue empty and clearing `draining`: a step queued then starts a new drain.
    for (let step = this.queue[0]; step; step = this.queue[0]) {
      try {
        if (step.kind === 'lines') await this.write(step.lines.join(''))
        else await step.run()
        step.resolve()
      } catch (err) {
        step.reject(err)
      }
      this.queue.shift()
    }
    this.draining = undefined
  }

  private async write(text: string): Promise<void> {
    const fd = this.handle()
    try {
      const bytes = await writeAll(fd, text)
      await fd.datasync()
      this.length += bytes
    } catch (err) {
      await fd.truncate(this.length).catch(() => undefined)
      throw err
    }
  }

  private handle(): FileHandle {
    if (!this.fd) throw new Error(`The journal ${this.path} is closed.`)
    return this.fd
  }
}
