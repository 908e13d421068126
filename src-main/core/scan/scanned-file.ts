/** What the walk knows about one entry before any byte of it is read. */
export interface ScannedFile {
  /** Absolute path. */
  path: string
  /** From the drop root, starting with the dropped folder's own name, `/`-separated. */
  relativePath: string
  size: number
  mtimeMs: number
  status: 'ok' | 'skipped' | 'error'
  /** Why it was skipped or could not be read. */
  reason?: string
}

export interface ScanOptions {
  /** Files per batch handed to `onBatch`; rows reach the grid while the walk goes on. */
  batchSize?: number
  signal?: AbortSignal
  /** Also report skipped entries (hidden and OS files). */
  includeSkipped?: boolean
}
