/** Why the walk left an entry out; stable codes so counts per reason survive translation of the words. */
export type SkipCode =
  | 'os-file'
  | 'hidden'
  | 'sidecar'
  | 'hidden-folder'
  | 'symlink-loop'
  | 'symlink-outside'
  | 'already-scanned'
  | 'not-a-file'

/** What the walk knows about one entry before any byte of it is read. */
export interface ScannedFile {
  /** Absolute path, exactly as the file system spells it (may be NFD on macOS volumes). */
  path: string
  /** From the drop root, starting with the dropped folder's own name, `/`-separated, NFC. */
  relativePath: string
  size: number
  mtimeMs: number
  status: 'ok' | 'skipped' | 'error'
  /** Why it was skipped or could not be read. */
  reason?: string
  /** Set when status is 'skipped'. */
  skipCode?: SkipCode
  /** Position in walk order across the whole drop; ties duplicates to the first one found. */
  seq: number
}

export interface ScanOptions {
  /** Files per batch; rows reach the grid while the walk goes on. */
  batchSize?: number
  /** A batch is handed over after this long even if not full, so the first rows show at once. */
  maxBatchDelayMs?: number
  signal?: AbortSignal
  /** Also yield skipped entries (hidden and OS files, symlink loops). */
  includeSkipped?: boolean
  /** Called for every skipped entry, yielded or not, so callers can count them by reason. */
  onSkipped?: (file: ScannedFile) => void
}
