/** Which columns show, in which order: kept per profile. Keyboard: the boxes and the move buttons. */
import { useAppStore } from '../store/app-store'
import { emptyLayout, moveColumn, setHidden, visibleColumns } from '../store/column-layout'

export function ColumnsPanel() {
  const columns = useAppStore((s) => s.columns)
  const layout = useAppStore((s) => s.layout)
  const setLayout = useAppStore((s) => s.setLayout)
  const ordered = visibleColumns(columns, { ...layout, hidden: [] })
  const hidden = new Set(layout.hidden)
  return (
    <div className="panel-form">
      <ul className="column-list">
        {ordered.map((c) => (
          <li key={c.id}>
            <label className="inline">
              <input
                type="checkbox"
                checked={!hidden.has(c.id)}
                onChange={(e) => setLayout(setHidden(layout, c.id, !e.target.checked))}
              />
              {c.label}
            </label>
            <button
              type="button"
              className="button button-quiet small"
              aria-label={`Move ${c.label} left`}
              onClick={() => setLayout(moveColumn(columns, layout, c.id, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button-quiet small"
              aria-label={`Move ${c.label} right`}
              onClick={() => setLayout(moveColumn(columns, layout, c.id, 1))}
            >
              ↓
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={() => setLayout(emptyLayout)}>
        Reset columns
      </button>
    </div>
  )
}
