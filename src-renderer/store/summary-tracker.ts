/**
 * The counts bar's and error panel's figures, kept up to date patch by patch: each row's share
 * (its class and its error groups) is taken out and put back as the row changes, so a keystroke's
 * patch costs the rows it carries, not a pass over 50,000 rows.
 */
import type { FieldIssue, Row } from '../../src-main/contract'
import { holdsFileNameTitle } from './file-name-titles'
import { issueKey, rowProblems, type IssueGroup, type RowSummary } from './issue-groups'
import { classifyRow, emptyCounts, type RowClass } from './row-class'

interface Share {
  rowClass: RowClass | undefined
  /** group key -> this row's own issue in it */
  issues: Map<string, FieldIssue>
  mediaType: string | undefined
  fileNameTitle: boolean
}

export class SummaryTracker {
  private counts = emptyCounts()
  /** group key -> its rows, in the order they joined */
  private readonly members = new Map<string, Set<string>>()
  private readonly shares = new Map<string, Share>()
  /** media type -> rows of it (the grid's columns follow the types present: column-layout.ts) */
  private readonly types = new Map<string, number>()
  private fileNameTitles = 0

  reset(rows: Iterable<Row>): void {
    this.counts = emptyCounts()
    this.types.clear()
    this.fileNameTitles = 0
    this.members.clear()
    this.shares.clear()
    for (const row of rows) this.upsert(row)
  }

  upsert(row: Row): void {
    this.remove(row.rowId)
    const rowClass = classifyRow(row)
    const issues = new Map<string, FieldIssue>()
    if (rowClass) {
      this.counts[rowClass]++
      for (const issue of rowProblems(row)) {
        const key = issueKey(issue)
        if (issues.has(key)) continue
        issues.set(key, issue)
        const members = this.members.get(key) ?? new Set()
        members.add(row.rowId)
        this.members.set(key, members)
      }
    }
    const mediaType = row.entry?.mediaType
    if (mediaType !== undefined) this.types.set(mediaType, (this.types.get(mediaType) ?? 0) + 1)
    const fileNameTitle = holdsFileNameTitle(row, rowClass)
    if (fileNameTitle) this.fileNameTitles++
    this.shares.set(row.rowId, { rowClass, issues, mediaType, fileNameTitle })
  }

  remove(rowId: string): void {
    const share = this.shares.get(rowId)
    if (!share) return
    this.shares.delete(rowId)
    if (share.rowClass) this.counts[share.rowClass]--
    if (share.fileNameTitle) this.fileNameTitles--
    if (share.mediaType !== undefined) {
      const left = (this.types.get(share.mediaType) ?? 1) - 1
      if (left > 0) this.types.set(share.mediaType, left)
      else this.types.delete(share.mediaType)
    }
    for (const key of share.issues.keys()) {
      const members = this.members.get(key)
      members?.delete(rowId)
      if (members?.size === 0) this.members.delete(key)
    }
  }

  summary(): RowSummary {
    const groups: IssueGroup[] = []
    for (const [key, members] of this.members) {
      const first = members.values().next().value as string
      const issue = this.shares.get(first)?.issues.get(key)
      if (!issue) continue
      const message = key.split('\u0000')[1] ?? ''
      groups.push({
        key,
        field: issue.field,
        message,
        example: issue.message,
        source: issue.source,
        rows: members.size,
      })
    }
    return {
      counts: { ...this.counts },
      groups: groups.sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)),
      mediaTypes: [...this.types.keys()].sort(),
      fileNameTitles: this.fileNameTitles,
    }
  }
}
