import { useMemo } from 'react'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'
import { summarise } from '../store/scan-summary'
import type { ScanSummary } from '../store/scan-summary'

const HEADLINES: Record<ScanSummary['state'], string> = {
  idle: 'No folders added yet',
  running: 'Scanning…',
  done: 'Scan done',
  failed: 'Scan failed',
  cancelled: 'Scan cancelled',
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

const filesText = (summary: ScanSummary): string => {
  const files = count(summary.files, 'file', 'files')
  const reading = summary.state === 'running' && summary.probed !== undefined && summary.probed < summary.files
  return reading ? `${files} (${(summary.probed ?? 0).toLocaleString('en')} read)` : files
}

/** Shown on hover: what was skipped, by reason (hidden, os-file, sidecar…). */
const skipReasons = (summary: ScanSummary): string =>
  Object.entries(summary.skippedByReason)
    .map(([code, n]) => `${code}: ${n.toLocaleString('en')}`)
    .join(', ')

export function ScanProgressPanel() {
  const scans = useAppStore((s) => s.scans)
  const summary = useMemo(() => summarise(scans), [scans])
  // A session reopened (or switched to) has rows but no scan in this window yet.
  const rows = useAppStore((s) => s.session.ids.length)
  const headline =
    summary.state === 'idle' && rows > 0 ? `${count(rows, 'file', 'files')} in this session` : HEADLINES[summary.state]
  const cancel = () => {
    for (const scanId of summary.runningIds)
      api.cancelScan({ scanId }).catch((err: unknown) => reportFailure(err, 'Could not cancel the scan'))
  }

  return (
    <div className="scan-progress" role="status" aria-live="polite" data-state={summary.state}>
      <span className="scan-headline">{headline}</span>
      {summary.state !== 'idle' && (
        <span className="scan-counts" title={skipReasons(summary)}>
          {/* The space keeps screen readers and text queries from running the two parts together. */}{' '}
          {`${filesText(summary)}, ${count(summary.skipped, 'skipped', 'skipped')}, ${count(summary.errors, 'error', 'errors')}`}
        </span>
      )}
      {summary.alreadyInImport > 0 && (
        <span className="scan-already">
          {' '}
          {`${count(summary.alreadyInImport, 'file', 'files')} already in this import (nothing added for ${summary.alreadyInImport === 1 ? 'it' : 'them'})`}
        </span>
      )}
      {summary.message && <span className="scan-message">{summary.message}</span>}
      {summary.state === 'running' && (
        <button type="button" className="button button-quiet" onClick={cancel}>
          Cancel
        </button>
      )}
    </div>
  )
}
