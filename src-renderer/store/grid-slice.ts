/**
 * The grid's own state: the project's columns and the editor's layout of them, the active cell
 * and the range it spans from its anchor, the cell being edited, the selected rows, and where
 * undo stands (main keeps the history; this is its label). Cells select narrowly from here, so
 * moving the cursor re-renders two rows, not the grid.
 */
import type { HistoryState, ProjectModel } from '../../src-main/contract'
import { buildColumns, type GridColumn } from '../grid/column-model'
import type { RowSelection } from '../grid/row-selection'
import {
  emptyLayout,
  loadLayout,
  saveLayout,
  visibleColumns,
  type ColumnLayout,
  type PresentTypes,
} from './column-layout'

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
  /** `columns` as the layout shows them, for the media types of the session's rows. */
  shownColumns: GridColumn[]
  /** The media types the session's rows have (row-summary.ts publishes them as rows come and change). */
  presentTypes: PresentTypes
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
  /** The rows' media types changed: the columns follow (nothing is drawn again when they did not). */
  setPresentTypes(types: readonly string[]): void
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

const NO_TYPES: PresentTypes = new Set()

/** The columns as the grid shows them now: the layout, the rows' media types, the preview pane. */
const shownOf = (
  s: Pick<GridSlice, 'columns' | 'layout' | 'presentTypes' | 'previewOpen'>,
  change: Partial<GridSlice> = {},
): GridColumn[] => {
  const { columns, layout, presentTypes, previewOpen } = { ...s, ...change }
  return visibleColumns(columns, layout, { present: presentTypes, besidePane: previewOpen })
}

const sameTypes = (a: PresentTypes, b: readonly string[]): boolean => a.size === b.length && b.every((t) => a.has(t))

export function createGridSlice(set: (change: Partial<GridSlice>) => void, get: () => GridSlice): GridSlice {
  return {
    project: null,
    columns: buildColumns(null),
    layout: emptyLayout,
    shownColumns: visibleColumns(buildColumns(null), emptyLayout),
    presentTypes: NO_TYPES,
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
    setPreviewOpen: (previewOpen) => set({ previewOpen, shownColumns: shownOf(get(), { previewOpen }) }),
    receiveProject: (project) => {
      const columns = buildColumns(project)
      set({ project, columns, shownColumns: shownOf(get(), { columns }) })
    },
    loadLayoutFor: (profile) => {
      const layout = loadLayout(profile)
      set({ layoutProfile: profile, layout, shownColumns: shownOf(get(), { layout }) })
    },
    setLayout: (layout) => {
      const profile = get().layoutProfile
      if (profile) saveLayout(profile, layout)
      set({ layout, shownColumns: shownOf(get(), { layout }) })
    },
    setPresentTypes: (types) => {
      const { presentTypes, shownColumns } = get()
      if (sameTypes(presentTypes, types)) return
      const present = new Set(types)
      const next = shownOf(get(), { presentTypes: present })
      const same = next.length === shownColumns.length && next.every((c, i) => c === shownColumns[i])
      // The grid redraws only when a column comes or goes, not when a row brings a known type.
      set(same ? { presentTypes: present } : { presentTypes: present, shownColumns: next })
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
