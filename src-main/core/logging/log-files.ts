/**
 * Names and retention of the daily log files. Pure: which file a line goes to, and which files
 * to delete, are decided here; daily-log.ts does the I/O.
 *
 * A day's file is `media-import-2026-01-31.ndjson`; when it grows past the size limit the day
 * continues in `media-import-2026-01-31.1.ndjson`, `.2`, … so no single file gets unwieldy to
 * attach to a support ticket.
 */

export const LOG_FILE_PREFIX = 'media-import-'
const LOG_FILE_PATTERN = /^media-import-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.ndjson$/

export interface LogFileName {
  day: string
  /** 0 for the day's first file. */
  part: number
}

const two = (n: number): string => String(n).padStart(2, '0')

/** The local calendar day: an editor looks for "yesterday's log", in their own time zone. */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
}

export function logFileName({ day, part }: LogFileName): string {
  return `${LOG_FILE_PREFIX}${day}${part > 0 ? `.${part}` : ''}.ndjson`
}

export function parseLogFileName(name: string): LogFileName | undefined {
  const match = LOG_FILE_PATTERN.exec(name)
  if (!match?.[1]) return undefined
  return { day: match[1], part: match[2] ? Number(match[2]) : 0 }
}

export interface RetentionLimits {
  /** Days kept, today included. */
  maxDays: number
  /** All log files together stay under this; the oldest go first. */
  maxTotalBytes: number
}

export const defaultRetention: RetentionLimits = { maxDays: 14, maxTotalBytes: 50 * 1024 * 1024 }

export interface ExistingLogFile {
  name: string
  size: number
}

function compareOldestFirst(a: LogFileName, b: LogFileName): number {
  return a.day === b.day ? a.part - b.part : a.day < b.day ? -1 : 1
}

/**
 * The log files to delete: days older than `maxDays`, then the oldest files until the rest fit
 * `maxTotalBytes`. The file being written (`current`) is never deleted. Other files in the folder
 * are not ours and are left alone.
 */
export function filesToPrune(
  files: readonly ExistingLogFile[],
  today: string,
  limits: RetentionLimits,
  current?: string,
): string[] {
  const ours = files
    .map((file) => ({ ...file, parsed: parseLogFileName(file.name) }))
    .filter((file): file is ExistingLogFile & { parsed: LogFileName } => file.parsed !== undefined)
    .sort((a, b) => compareOldestFirst(a.parsed, b.parsed))
  const days = [...new Set(ours.map((f) => f.parsed.day).filter((day) => day <= today))].sort().reverse()
  const keptDays = new Set(days.slice(0, Math.max(1, limits.maxDays)))
  const prune: string[] = []
  let total = 0
  const kept: (ExistingLogFile & { parsed: LogFileName })[] = []
  for (const file of ours) {
    // A day in the future means a clock that was wrong; keep it rather than guess.
    if (file.name !== current && file.parsed.day <= today && !keptDays.has(file.parsed.day)) prune.push(file.name)
    else {
      kept.push(file)
      total += file.size
    }
  }
  for (const file of kept) {
    if (total <= limits.maxTotalBytes) break
    if (file.name === current) continue
    prune.push(file.name)
    total -= file.size
  }
  return prune
}
