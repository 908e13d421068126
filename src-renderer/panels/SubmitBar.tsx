/**
 * Submitting: the selected rows or every valid row, and the failed ones again (conflicts wait for
 * the editor's choice and the bar says so, resubmit-plan.ts). Outcomes arrive on the rows (status,
 * media id, the server's errors on their cells); the report says what happened to the run as a
 * whole, and why it stopped if it did.
 */
import { useEffect, useMemo, useState } from 'react'
import type { SubmitReport } from '../../src-main/contract'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { reportFailure } from '../store/report-failure'
import { useRowSummary } from '../store/row-summary'
import { describeWaiting, planResubmit, type ResubmitPlan } from './resubmit-plan'
import './submit-bar.css'

const n = (count: number): string => count.toLocaleString('en')

export function describeReport(r: SubmitReport): string {
  const updates = r.updated ?? 0
  const updateFailed = r.updateFailed ?? 0
  if (r.considered === 0 && updates === 0 && updateFailed === 0) return 'Nothing to submit.'
  const parts = r.considered > 0 || updates === 0 ? [`${n(r.imported)} imported`] : []
  if (r.inLibrary > 0) parts.push(`${n(r.inLibrary)} already in the library (not created again)`)
  if (updates > 0) parts.push(`${n(updates)} updated`)
  if (updateFailed > 0) parts.push(`${n(updateFailed)} update(s) failed`)
  if (r.rejected > 0) parts.push(`${n(r.rejected)} rejected`)
  if (r.conflicts > 0) parts.push(`${n(r.conflicts)} conflict(s)`)
  if (r.failed > 0) parts.push(`${n(r.failed)} failed`)
  if (r.heldBack > 0) parts.push(`${n(r.heldBack)} not sent yet: see the errors on their rows`)
  if (r.unconfirmed > 0) parts.push(`${n(r.unconfirmed)} not confirmed`)
  return `${parts.join(', ')}.${r.stopped ? ` Stopped: ${r.stopped.message}` : ''}`
}

/** The failed rows in grid order, split into those that go again and conflicts that wait (resubmit-plan.ts). */
function currentPlan(): ResubmitPlan {
  const { byId, ids } = useAppStore.getState().session
  return planResubmit(ids, (id) => byId.get(id))
}

export function SubmitBar() {
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState('')
  // The last run's report was about the previous session's rows.
  const epoch = useAppStore((s) => s.sessionEpoch)
  useEffect(() => setReport(''), [epoch])
  const selected = useAppStore((s) => s.selected.size)
  const counts = useRowSummary((s) => s.counts)
  // A pass over the rows only while some failed, and once per published summary (a few a second at most).
  const plan = useMemo(() => (counts.failed > 0 ? currentPlan() : { send: [], waiting: [] }), [counts])
  const waitingNote = describeWaiting(plan.waiting.length)
  const run = async (what: string, send: () => Promise<SubmitReport>, after = '') => {
    setBusy(true)
    setReport(`${what}…`)
    try {
      setReport([describeReport(await send()), after].filter(Boolean).join(' '))
    } catch (err) {
      setReport('')
      reportFailure(err, `Could not ${what.toLowerCase()}`)
    } finally {
      setBusy(false)
    }
  }
  const resubmit = () => {
    const { send, waiting } = currentPlan()
    const note = describeWaiting(waiting.length)
    if (send.length === 0) return setReport(note || 'No failed rows to re-submit.')
    return run('Re-submitting failed rows', () => api.submit({ rowIds: send }), note)
  }
  const submit = () => {
    const s = useAppStore.getState()
    const rowIds = s.selected.size > 0 ? s.rowView.ids.filter((id) => s.selected.has(id)) : undefined
    return run('Submitting', () => api.submit(rowIds ? { rowIds } : {}))
  }
  return (
    <div className="submit-bar" role="group" aria-label="Submit">
      <button
        type="button"
        className="button"
        // Nothing valid (and nothing selected): disabled, and it looks it (app.css).
        disabled={busy || (selected === 0 && counts.ready === 0)}
        aria-busy={busy || undefined}
        onClick={() => void submit()}
      >
        {selected > 0 ? `Submit ${n(selected)} selected` : `Submit all valid (${n(counts.ready)})`}
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={busy || plan.send.length === 0}
        aria-busy={busy || undefined}
        onClick={() => void resubmit()}
        {...(waitingNote ? { 'aria-describedby': 'resubmit-waiting' } : {})}
      >
        Re-submit failed ({n(plan.send.length)})
      </button>
      {waitingNote ? (
        <span id="resubmit-waiting" className="submit-waiting">
          {waitingNote}
        </span>
      ) : null}
      <span className="submit-report" aria-live="polite">
        {report}
      </span>
    </div>
  )
}
