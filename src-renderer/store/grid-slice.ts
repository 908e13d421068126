/**
 * The grid's own state: the project's columns and the editor's layout of them, the active cell
 * and the range it spans from its anchor, the cell being edited, the selected rows, and where
 * undo stands (main keeps the history; this is its label). Cells select narrowly from here, so
 * moving the cursor re-renders two rows, not the grid.
 */
import type { HistoryState, ProjectModel } from '../../src-main/contract'
import { buildColumns, type GridColumn } from '../grid/column-model'
import type { RowSelection } from '../grid/row-selection'
import { emptyLayout, loadLayout, saveLayout, visibleColumns, type ColumnLayout } from './column-layout'

export interface CellPos {
  rowId: string
  columnId: string
}

export interface EditingCell extends CellPos {
  /** The text typed to start editing (replaces the value); undefined: edit the value as it is. */
  initial?: string
}

export type SelectMode = 'replace' | 'toggle' | 'add'

/** The side panel open next to the grid (one at a time). */
export type GridPanel = 'find' | 'bulk' | 'columns' | 'import-csv' | 'settings' | null

export interface GridSlice {
  project: ProjectModel | null
  columns: GridColumn[]
  layout: ColumnLayout
  /** `columns` as the layout shows them. */
  shownColumns: GridColumn[]
  layoutProfile: string | null
  active: CellPos | null
  /** The other corner of the selected range; null: the range is the active cell. */
  rangeAnchor: CellPos | null
  editing: EditingCell | null
  selected: ReadonlySet<string>
  selectionAnchor: string | null
  history: HistoryState
  panel: GridPanel
  /** The preview pane for the active row (PreviewPane); Space in the grid toggles it. */
  previewOpen: boolean
  setPanel(panel: GridPanel): void
  setPreviewOpen(open: boolean): void
  receiveProject(project: ProjectModel | null): void
  loadLayoutFor(profile: string): void
  setLayout(layout: ColumnLayout): void
  setActive(pos: CellPos | null, extend?: boolean): void
  startEditing(initial?: string): void
  stopEditing(): void
  selectRows(ids: readonly string[], mode: SelectMode, anchor?: string): void
  /** The rows selected after a click or key (grid/row-selection.ts decides). */
  setSelection(selection: RowSelection): void
  clearSelection(): void
  setHistory(history: HistoryState): void
}

export const noHistory: HistoryState = { canUndo: false, canRedo: false }

export function createGridSlice(set: (change: Partial<GridSlice>) => void, get: () => GridSlice): GridSlice {
  return {
    project: null,
    columns: buildColumns(null),
    layout: emptyLayout,
    shownColumns: visibleColumns(buildColumns(null), emptyLayout),
    layoutProfile: null,
    active: null,
    rangeAnchor: null,
    editing: null,
    selected: new Set(),
    selectionAnchor: null,
    history: noHistory,
    panel: null,
    previewOpen: false,
    setPanel: (panel) => set({ panel }),
    setPreviewOpen: (previewOpen) => set({ previewOpen }),
    receiveProject: (project) => {
      const columns = buildColumns(project)
      set({ project, columns, shownColumns: visibleColumns(columns, get().layout) })
    },
    loadLayoutFor: (profile) => {
      const layout = loadLayout(profile)
      set({ layoutProfile: profile, layout, shownColumns: visibleColumns(get().columns, layout) })
    },
    setLayout: (layout) => {
      const profile = get().layoutProfile
      if (profile) saveLayout(profile, layout)
      set({ layout, shownColumns: visibleColumns(get().columns, layout) })
    },
    setActive: (pos, extend = false) => {
      const { active, rangeAnchor } = get()
      set({ active: pos, rangeAnchor: extend ? (rangeAnchor ?? active) : null, editing: null })
    },
    startEditing: (initial) => {
      const { active } = get()
      if (active) set({ editing: initial === undefined ? { ...active } : { ...active, initial } })
    },
    stopEditing: () => set({ editing: null }),
    selectRows: (ids, mode, anchor) => {
      const next = mode === 'replace' ? new Set<string>() : new Set(get().selected)
      for (const id of ids) {
        if (mode === 'toggle' && next.has(id)) next.delete(id)
        else next.add(id)
      }
      set({ selected: next, selectionAnchor: anchor ?? ids.at(-1) ?? null })
    },
    setSelection: ({ selected, anchor }) => set({ selected, selectionAnchor: anchor }),
    clearSelection: () => set({ selected: new Set(), selectionAnchor: null }),
    setHistory: (history) => set({ history }),
  }
}
