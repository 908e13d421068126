/**
 * Appends log lines to the day's file in one folder, moving to a new file when the day changes
 * or the file is full, and pruning old files by age and total size (log-files.ts decides which).
 *
 * Writes are synchronous on purpose: a line written before a crash or a SIGKILL is in the file
 * (the page cache survives the process), which is when a log matters most, and lines from one
 * process never interleave. Log volume is a few lines per file imported, so this costs little.
 * A log that cannot be written never stops an import: the first failure is reported, then
 * writing is retried on the next line.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { RetentionLimits } from './log-files'
import { dayOf, defaultRetention, filesToPrune, logFileName, parseLogFileName } from './log-files'

export interface DailyLogOptions {
  dir: string
  /** A day's file moves on to the next part past this size. Default 10 MiB. */
  maxFileBytes?: number
  retention?: Partial<RetentionLimits>
  now?: () => Date
  /** Told once per run of failures (a full disk, a deleted folder). */
  onError?: (error: Error) => void
}

const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024

export class DailyLog {
  private fd: number | undefined
  private day = ''
  private part = 0
  private size = 0
  private failing = false
  private readonly maxFileBytes: number
  private readonly retention: RetentionLimits
  private readonly now: () => Date

  constructor(private readonly options: DailyLogOptions) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
    this.retention = { ...defaultRetention, ...options.retention }
    this.now = options.now ?? (() => new Date())
  }

  get dir(): string {
    return this.options.dir
  }

  /** The file lines go to now (it may not exist before the first line). */
  get currentFile(): string {
    return join(this.options.dir, logFileName({ day: this.day || dayOf(this.now()), part: this.part }))
  }

  /** Appends one line (a newline is added). */
  write(line: string): void {
    const bytes = Buffer.from(`${line}\n`, 'utf8')
    try {
      const today = dayOf(this.now())
      if (this.fd === undefined || today !== this.day) this.openDay(today)
      else if (this.size > 0 && this.size + bytes.length > this.maxFileBytes) this.openPart(this.part + 1)
      this.size += writeSync(this.fd as number, bytes)
      this.failing = false
    } catch (err) {
      this.closeFile()
      if (!this.failing) this.options.onError?.(err instanceof Error ? err : new Error(String(err)))
      this.failing = true
    }
  }

  close(): void {
    this.closeFile()
  }

  private openDay(day: string): void {
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 })
    this.day = day
    // Continue the day's last part (another run of the same day wrote it).
    const parts = readdirSync(this.options.dir)
      .map(parseLogFileName)
      .filter((parsed) => parsed?.day === day)
      .map((parsed) => parsed?.part ?? 0)
    this.openPart(parts.length > 0 ? Math.max(...parts) : 0)
  }

  private openPart(part: number): void {
    this.closeFile()
    this.part = part
    const fd = openSync(this.currentFile, 'a', 0o600)
    this.fd = fd
    this.size = fstatSync(fd).size
    if (this.size >= this.maxFileBytes) return this.openPart(part + 1)
    this.prune()
  }

  private prune(): void {
    const { dir } = this.options
    const current = logFileName({ day: this.day, part: this.part })
    const files = readdirSync(dir)
      .filter((name) => parseLogFileName(name))
      .map((name) => ({ name, size: statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0 }))
    for (const name of filesToPrune(files, this.day, this.retention, current)) {
      try {
        unlinkSync(join(dir, name))
      } catch {
        // Another process pruned it first, or it is open on Windows: next time.
      }
    }
  }

  private closeFile(): void {
    if (this.fd === undefined) return
    try {
      closeSync(this.fd)
    } catch {
      // Already closed by a failure; nothing left to release.
    }
    this.fd = undefined
  }
}
