/**
 * The edit bar above the grid: undo and redo (named after what they undo), fill-down, and the
 * panels for bulk set, find and replace and columns; the filter box; the view switches
 * (LayoutToggles).
 */
import { ImportAgainSelected } from '../grid/cells/ImportAgainSelected'
import { fillDown, redo, undo } from '../grid/grid-actions'
import { useAppStore } from '../store/app-store'
import type { GridPanel } from '../store/grid-slice'
import { FilterBox } from './FilterBox'
import { LayoutToggles } from './LayoutToggles'

function PanelButton({
  panel,
  label,
  shortcut,
}: {
  panel: Exclude<GridPanel, null>
  label: string
  shortcut?: string
}) {
  const open = useAppStore((s) => s.panel === panel)
  const setPanel = useAppStore((s) => s.setPanel)
  return (
    <button
      type="button"
      className={open ? 'button button-quiet pressed' : 'button button-quiet'}
      aria-pressed={open}
      aria-keyshortcuts={shortcut}
      onClick={() => setPanel(open ? null : panel)}
    >
      {label}
    </button>
  )
}

/**
 * What is selected, with its ways (clear, import again): in the status bar beside the counts and
 * the submit buttons (App.tsx), where there is room. In the edit bar it pushed the view switches
 * onto a second line at 1440 px, and the grid down under the pointer at the first row selected.
 */
function Selection() {
  const count = useAppStore((s) => s.selected.size)
  const clear = useAppStore((s) => s.clearSelection)
  if (count === 0) return null
  return (
    <span className="selection-count">
      {count.toLocaleString('en')} selected {/* A chip's ×: the status bar keeps to one line at 1440 px. */}
      <button
        type="button"
        className="button button-quiet selection-clear"
        aria-label="Clear selection"
        title="Clear selection (Esc in the grid)"
        onClick={clear}
      >
        ×
      </button>
      <ImportAgainSelected />
    </span>
  )
}

export { PanelButton, Selection }

export function EditToolbar() {
  const history = useAppStore((s) => s.history)
  return (
    <div className="edit-toolbar" role="toolbar" aria-label="Editing">
      <button
        type="button"
        className="button button-quiet"
        disabled={!history.canUndo}
        aria-keyshortcuts="Control+Z"
        title={history.undoLabel ? `Undo ${history.undoLabel}` : 'Nothing to undo'}
        onClick={() => void undo()}
      >
        Undo
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={!history.canRedo}
        aria-keyshortcuts="Control+Shift+Z"
        title={history.redoLabel ? `Redo ${history.redoLabel}` : 'Nothing to redo'}
        onClick={() => void redo()}
      >
        Redo
      </button>
      <button
        type="button"
        className="button button-quiet"
        aria-keyshortcuts="Control+D"
        onClick={() => void fillDown()}
      >
        Fill down
      </button>
      <PanelButton panel="bulk" label="Bulk set…" />
      <PanelButton panel="find" label="Find & replace…" shortcut="Control+F" />
      <PanelButton panel="columns" label="Columns…" />
      <PanelButton panel="import-csv" label="Import CSV…" />
      <FilterBox />
      <LayoutToggles />
    </div>
  )
}
