/**
 * The error panel's ways out for many rows (grid/cells/row-choices.ts), kept up to date patch by
 * patch as SummaryTracker keeps the counts: each row's share is taken out and put back as the row
 * changes. Worked out over every row on each published summary instead, a typed title cost a
 * pass over 50,000 rows a moment after its patch, often while the next key waited.
 */
import type { Row } from '../../src-main/contract'
import {
  noChoiceGroups,
  rowChoiceShare,
  type ChoiceGroups,
  type ManyRowsChoice,
  type RowChoiceShare,
} from '../grid/cells/row-choices'

export class ChoiceTracker {
  private readonly shares = new Map<string, RowChoiceShare>()
  private readonly members = new Map<ManyRowsChoice, Set<string>>()
  private shortenValues = 0
  private fixProfile = 0

  reset(rows: Iterable<Row>): void {
    this.shares.clear()
    this.members.clear()
    this.shortenValues = 0
    this.fixProfile = 0
    for (const row of rows) this.upsert(row)
  }

  upsert(row: Row): void {
    this.remove(row.rowId)
    const share = rowChoiceShare(row)
    // Most rows offer nothing: only those are kept.
    if (share.choices.length === 0 && !share.fixProfile) return
    this.shares.set(row.rowId, share)
    for (const choice of share.choices) {
      const members = this.members.get(choice) ?? new Set()
      members.add(row.rowId)
      this.members.set(choice, members)
    }
    this.shortenValues += share.shortenValues
    if (share.fixProfile) this.fixProfile++
  }

  remove(rowId: string): void {
    const share = this.shares.get(rowId)
    if (!share) return
    this.shares.delete(rowId)
    for (const choice of share.choices) this.members.get(choice)?.delete(rowId)
    this.shortenValues -= share.shortenValues
    if (share.fixProfile) this.fixProfile--
  }

  groups(): ChoiceGroups {
    const groups = noChoiceGroups()
    for (const [choice, members] of this.members) groups[choice] = [...members]
    return { ...groups, shortenValues: this.shortenValues, fixProfile: this.fixProfile }
  }
}
