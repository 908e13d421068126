/**
 * Which columns show, in which order: kept per profile. "Technical columns" shows or hides the
 * file facts and identity columns at once (the toolbar has the same switch); their own boxes
 * apply while it is on. A field no row of the session can use is off until one can; ticking it
 * shows it anyway (the editor's choice wins). Keyboard: the boxes and the move buttons.
 */
import { useAppStore } from '../store/app-store'
import {
  isShown,
  moveColumn,
  orderedColumns,
  resetColumns,
  setHidden,
  setTechnical,
  unusedInSession,
} from '../store/column-layout'
import './columns-panel.css'

export function ColumnsPanel() {
  const columns = useAppStore((s) => s.columns)
  const layout = useAppStore((s) => s.layout)
  const setLayout = useAppStore((s) => s.setLayout)
  const present = useAppStore((s) => s.presentTypes)
  const ordered = orderedColumns(columns, layout)
  return (
    <div className="panel-form">
      <label className="inline">
        <input
          type="checkbox"
          checked={layout.technical}
          onChange={(e) => setLayout(setTechnical(layout, e.target.checked))}
        />
        Technical columns (kind, size, upload, media type, entry id, systemName, externalId)
      </label>
      <ul className="column-list">
        {ordered.map((c) => (
          <li key={c.id}>
            <label className="inline">
              <input
                type="checkbox"
                checked={isShown(c, layout, present)}
                disabled={c.technical && !layout.technical}
                title={c.technical && !layout.technical ? 'Turn on "Technical columns" to show it' : undefined}
                onChange={(e) => setLayout(setHidden(layout, c.id, !e.target.checked))}
              />
              {c.label}
              {unusedInSession(c, layout, present) && <span className="column-note"> (no file here has it)</span>}
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
      <button type="button" className="button button-quiet" onClick={() => setLayout(resetColumns(layout))}>
        Reset columns
      </button>
    </div>
  )
}
