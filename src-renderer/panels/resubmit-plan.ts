/**
 * What "Re-submit failed" does with each failed row. Rows the server refused, whose upload broke
 * or whose exchange failed go again with their entry ids unchanged. Rows in conflict with a library
 * entry (found by the pre-flight externalId lookup before any attempt, or answered by the server)
 * would only conflict again: they wait for the editor's choice (link to the library's entry, or
 * change the externalId, which clears the conflict and lets the row go). Pure.
 */
import type { Row } from '../../src-main/contract'
import { classifyRow } from '../store/row-class'

export interface ResubmitPlan {
  /** Rows that go again, in grid order. */
  send: string[]
  /** Rows that wait for the editor's choice on their conflict. */
  waiting: string[]
}

export const waitsForChoice = (row: Row): boolean => row.status === 'conflict' && row.conflict !== undefined

export function planResubmit(ids: readonly string[], row: (id: string) => Row | undefined): ResubmitPlan {
  const plan: ResubmitPlan = { send: [], waiting: [] }
  for (const id of ids) {
    const r = row(id)
    if (!r || classifyRow(r) !== 'failed') continue
    if (waitsForChoice(r)) plan.waiting.push(id)
    else plan.send.push(id)
  }
  return plan
}

/** The sentence beside the button (and after a re-submit) while conflicts wait; '' when none do. */
export function describeWaiting(waiting: number): string {
  if (waiting === 0) return ''
  return waiting === 1
    ? '1 conflict not re-submitted: link it or change its externalId.'
    : `${waiting.toLocaleString('en')} conflicts not re-submitted: link them or change their externalId.`
}
