/** Ready, invalid, uploading, imported, failed: each count filters the grid to its rows when pressed. */
import { useAppStore } from '../store/app-store'
import { ROW_CLASS_LABELS, ROW_CLASSES } from '../store/row-class'
import { useRowSummary } from '../store/row-summary'

export function CountsBar() {
  const counts = useRowSummary((s) => s.counts)
  const rowClass = useAppStore((s) => s.filter.rowClass)
  const setFilter = useAppStore((s) => s.setFilter)
  return (
    <div className="counts" role="group" aria-label="Rows by state">
      {ROW_CLASSES.map((c) => (
        <button
          type="button"
          key={c}
          className="count"
          data-class={c}
          aria-pressed={rowClass === c}
          onClick={() => setFilter({ rowClass: rowClass === c ? null : c, issueKey: null })}
        >
          <span className="count-label">{ROW_CLASS_LABELS[c]}</span>{' '}
          <span className="count-value">{counts[c].toLocaleString('en')}</span>
        </button>
      ))}
    </div>
  )
}
