/**
 * Submitting: the selected rows or every valid row, and the failed ones again. Outcomes arrive on
 * the rows (status, media id, the server's errors on their cells); the report says what happened
 * to the run as a whole, and why it stopped if it did.
 */
import { useState } from 'react'
import type { SubmitReport } from '../../src-main/contract'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'
import { classifyRow } from '../store/row-class'
import { useRowSummary } from '../store/row-summary'

const n = (count: number): string => count.toLocaleString('en')

export function describeReport(r: SubmitReport): string {
  if (r.considered === 0) return 'Nothing to submit.'
  const parts = [`${n(r.imported)} imported`]
  if (r.rejected > 0) parts.push(`${n(r.rejected)} rejected`)
  if (r.conflicts > 0) parts.push(`${n(r.conflicts)} conflict(s)`)
  if (r.failed > 0) parts.push(`${n(r.failed)} failed`)
  if (r.heldBack > 0) parts.push(`${n(r.heldBack)} held back (fix their errors first)`)
  if (r.unconfirmed > 0) parts.push(`${n(r.unconfirmed)} not confirmed`)
  return `${parts.join(', ')}.${r.stopped ? ` Stopped: ${r.stopped.message}` : ''}`
}

/**
 * The rows the counts bar calls failed: refused by the server, in conflict with the library (also
 * when the pre-flight lookup found it before sending) or with a broken upload. They go again with
 * their entry ids unchanged; main's `resubmitFailed` would leave out conflicts never sent.
 */
function failedRowIds(): string[] {
  const { byId, ids } = useAppStore.getState().session
  return ids.filter((id) => {
    const row = byId.get(id)
    return row !== undefined && classifyRow(row) === 'failed'
  })
}

export function SubmitBar() {
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState('')
  const selected = useAppStore((s) => s.selected.size)
  const counts = useRowSummary((s) => s.counts)
  const run = async (what: string, send: () => Promise<SubmitReport>) => {
    setBusy(true)
    setReport(`${what}…`)
    try {
      setReport(describeReport(await send()))
    } catch (err) {
      setReport('')
      reportFailure(err, `Could not ${what.toLowerCase()}`)
    } finally {
      setBusy(false)
    }
  }
  const resubmit = () => {
    const rowIds = failedRowIds()
    if (rowIds.length === 0) return setReport('No failed rows to re-submit.')
    return run('Re-submitting failed rows', () => api.submit({ rowIds }))
  }
  const submit = () => {
    const s = useAppStore.getState()
    const rowIds = s.selected.size > 0 ? s.rowView.ids.filter((id) => s.selected.has(id)) : undefined
    return run('Submitting', () => api.submit(rowIds ? { rowIds } : {}))
  }
  return (
    <div className="submit-bar" role="group" aria-label="Submit">
      <button type="button" className="button" disabled={busy} onClick={() => void submit()}>
        {selected > 0 ? `Submit ${n(selected)} selected` : `Submit all valid (${n(counts.ready)})`}
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={busy || counts.failed === 0}
        onClick={() => void resubmit()}
      >
        Re-submit failed ({n(counts.failed)})
      </button>
      <span className="submit-report" aria-live="polite">
        {report}
      </span>
    </div>
  )
}
