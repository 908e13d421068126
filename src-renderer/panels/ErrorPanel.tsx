/**
 * What is wrong, grouped: "Title: Title is required. ×212", "externalId: … must be unique ×9".
 * A group's button filters the grid to its rows; the cells themselves carry the marks.
 */
import { useAppStore } from '../store/app-store'
import { useRowSummary } from '../store/row-summary'

export function ErrorPanel() {
  const groups = useRowSummary((s) => s.groups)
  const columns = useAppStore((s) => s.columns)
  const issueKey = useAppStore((s) => s.filter.issueKey)
  const setFilter = useAppStore((s) => s.setFilter)
  if (groups.length === 0) return null
  const labelOf = (field: string) => columns.find((c) => c.field === field)?.label ?? field
  return (
    <section className="error-panel" aria-label="Errors">
      <h2 className="panel-title">Errors</h2>
      <ul>
        {groups.map((g) => (
          <li key={g.key}>
            <button
              type="button"
              className="error-group"
              aria-pressed={issueKey === g.key}
              data-source={g.source}
              onClick={() => setFilter({ issueKey: issueKey === g.key ? null : g.key, rowClass: null })}
            >
              <span className="error-field">{labelOf(g.field)}</span>
              <span className="error-message">{g.rows === 1 ? g.example : g.message}</span>
              <span className="error-count">×{g.rows.toLocaleString('en')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
