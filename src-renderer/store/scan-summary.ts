/**
 * Scan progress across every scan of this window: an editor may drop a second folder while
 * the first is still being walked, so the panel shows totals, not just the latest scan.
 */
import type { ScanProgress } from '../../src-main/contract'

export interface ScanSummary {
  state: 'idle' | ScanProgress['state']
  files: number
  skipped: number
  errors: number
  /** Files read so far (kind and facts known), when the scans report it. */
  probed?: number
  /** Skipped entries per reason code, added up across scans. */
  skippedByReason: Record<string, number>
  /** Files the import already had (dropped again): nothing was added for them. */
  alreadyInImport: number
  /** Scans still running, so the panel can offer to cancel them. */
  runningIds: string[]
  /** Why the latest failed scan failed, in its own words. */
  message?: string
}

/** Replaces the scan's previous report, or adds it. */
export function recordScan(scans: readonly ScanProgress[], report: ScanProgress): ScanProgress[] {
  const at = scans.findIndex((s) => s.scanId === report.scanId)
  if (at === -1) return [...scans, report]
  const next = [...scans]
  next[at] = report
  return next
}

export function summarise(scans: readonly ScanProgress[]): ScanSummary {
  const summary: ScanSummary = {
    state: 'idle',
    files: 0,
    skipped: 0,
    errors: 0,
    skippedByReason: {},
    alreadyInImport: 0,
    runningIds: [],
  }
  for (const scan of scans) {
    summary.files += scan.files
    summary.skipped += scan.skipped
    summary.errors += scan.errors
    summary.alreadyInImport += scan.alreadyInImport ?? 0
    if (scan.probed !== undefined) summary.probed = (summary.probed ?? 0) + scan.probed
    for (const [code, n] of Object.entries(scan.skippedByReason ?? {})) {
      summary.skippedByReason[code] = (summary.skippedByReason[code] ?? 0) + n
    }
    if (scan.state === 'running') summary.runningIds.push(scan.scanId)
    if (scan.state === 'failed' && scan.message) summary.message = scan.message
  }
  const last = scans.at(-1)
  // Running wins over the latest scan's own state: the editor must know work is still going on.
  if (summary.runningIds.length > 0) summary.state = 'running'
  else if (scans.some((s) => s.state === 'failed')) summary.state = 'failed'
  else if (last) summary.state = last.state
  return summary
}
