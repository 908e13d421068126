/**
 * The chip above the grid while an error card filters it: "Showing 3 rows with: Title: Title is
 * too long ×", and which filters showing them cleared. × shows every row again.
 */
import { useAppStore } from '../../store/app-store'
import { useRowSummary } from '../../store/row-summary'
import { clearIssueFilter, useProblemNav } from './problem-nav'
import './problems.css'

export function IssueChip() {
  const issueKey = useAppStore((s) => s.filter.issueKey)
  const shown = useAppStore((s) => s.rowView.ids.length)
  const columns = useAppStore((s) => s.columns)
  const group = useRowSummary((s) => s.groups.find((g) => g.key === issueKey))
  const cleared = useProblemNav((s) => s.cleared)
  if (!issueKey) return null
  const [field = '', blanked = ''] = issueKey.split('\u0000')
  const label = columns.find((c) => c.field === field)?.label ?? field
  const message = group ? (group.rows === 1 ? group.example : group.message) : blanked
  const what = `${label}: ${message}`
  const note =
    cleared?.issueKey === issueKey && cleared.what.length > 0 ? ` (cleared ${cleared.what.join(' and ')})` : ''
  return (
    <span className="filter-chip" data-testid="issue-chip" title={`Showing ${shown} rows with: ${what}${note}`}>
      <span className="filter-chip-text">
        Showing {shown.toLocaleString('en')} row{shown === 1 ? '' : 's'} with: {what}
        {note}
      </span>
      <button
        type="button"
        className="filter-chip-remove"
        aria-label={`Remove the filter: ${what}`}
        title="Show every row again"
        onClick={clearIssueFilter}
      >
        ×
      </button>
    </span>
  )
}
