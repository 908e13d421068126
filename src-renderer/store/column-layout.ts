/**
 * Which columns an editor sees, in which order and how wide, whether the technical columns show
 * and how dense the rows are, kept per profile (a newsroom's DAM import and a sandbox trial want
 * different columns). Stored in the window's localStorage under the profile's name (Electron keeps
 * it in the app's data folder across restarts); a column the project adds later shows up at its
 * place, one the project dropped is forgotten. Pure apart from the two storage helpers.
 */
import type { GridColumn } from '../grid/column-model'
import { densityMetrics, isDensity, type Density } from '../grid/density'

export interface ColumnLayout {
  /** Column ids in the editor's order; columns missing here keep their default place after those. */
  order: string[]
  hidden: string[]
  widths: Record<string, number>
  /** Shows the file facts and identity columns (column-model.ts marks them `technical`). */
  technical: boolean
  density: Density
}

export const DEFAULT_DENSITY: Density = 'comfortable'

export const emptyLayout: ColumnLayout = {
  order: [],
  hidden: [],
  widths: {},
  technical: false,
  density: DEFAULT_DENSITY,
}
export const MIN_WIDTH = 40
export const MAX_WIDTH = 1200

/** Whether a column shows: not hidden one by one, and not technical while those are off. */
export const isShown = (column: GridColumn, layout: ColumnLayout): boolean =>
  !layout.hidden.includes(column.id) && (layout.technical || !column.technical)

/** The width a column gets without one the editor set: the Preview column's follows the density. */
const defaultWidth = (column: GridColumn, layout: ColumnLayout): number =>
  column.kind === 'thumbnail' ? densityMetrics(layout.density).previewColumnWidth : column.width

/** Columns in the layout's order, each with its width; hidden ones (and technical ones while off) left out. */
export function visibleColumns(columns: readonly GridColumn[], layout: ColumnLayout): GridColumn[] {
  const rank = new Map(layout.order.map((id, i) => [id, i]))
  const ordered = columns
    .map((column, i) => ({ column, key: rank.get(column.id) ?? layout.order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ column }) => column)
  return ordered
    .filter((c) => isShown(c, layout))
    .map((c) => {
      const width = layout.widths[c.id] ?? defaultWidth(c, layout)
      return width === c.width ? c : { ...c, width }
    })
}

/** Every column in the layout's order, shown or not (the column chooser lists them all). */
export const orderedColumns = (columns: readonly GridColumn[], layout: ColumnLayout): GridColumn[] =>
  visibleColumns(columns, { ...layout, hidden: [], technical: true })

/** Moves a column one place among all columns (shown or not), as the column chooser's buttons do. */
export function moveColumn(columns: readonly GridColumn[], layout: ColumnLayout, id: string, by: -1 | 1): ColumnLayout {
  const order = orderedColumns(columns, layout).map((c) => c.id)
  const at = order.indexOf(id)
  const to = at + by
  if (at === -1 || to < 0 || to >= order.length) return layout
  order.splice(at, 1)
  order.splice(to, 0, id)
  return { ...layout, order }
}

export function setHidden(layout: ColumnLayout, id: string, hidden: boolean): ColumnLayout {
  const rest = layout.hidden.filter((h) => h !== id)
  return { ...layout, hidden: hidden ? [...rest, id] : rest }
}

export const setTechnical = (layout: ColumnLayout, technical: boolean): ColumnLayout => ({ ...layout, technical })

export const setDensity = (layout: ColumnLayout, density: Density): ColumnLayout => ({ ...layout, density })

/** "Reset columns": the default columns, order and widths; the density stays the editor's. */
export const resetColumns = (layout: ColumnLayout): ColumnLayout => ({ ...emptyLayout, density: layout.density })

export function setWidth(layout: ColumnLayout, id: string, width: number): ColumnLayout {
  const clamped = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)))
  return { ...layout, widths: { ...layout.widths, [id]: clamped } }
}

const storageKey = (profile: string): string => `media-import:grid-layout:${profile}`

export function loadLayout(
  profile: string,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): ColumnLayout {
  try {
    const raw = storage?.getItem(storageKey(profile))
    if (!raw) return emptyLayout
    const parsed = JSON.parse(raw) as Partial<ColumnLayout>
    const strings = (v: unknown): string[] =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
    const widths: Record<string, number> = {}
    for (const [id, w] of Object.entries(parsed.widths ?? {}))
      if (typeof w === 'number' && Number.isFinite(w)) widths[id] = w
    return {
      order: strings(parsed.order),
      hidden: strings(parsed.hidden),
      widths,
      technical: parsed.technical === true,
      density: isDensity(parsed.density) ? parsed.density : DEFAULT_DENSITY,
    }
  } catch {
    // A damaged entry costs the editor their layout, never the window.
    return emptyLayout
  }
}

export function saveLayout(
  profile: string,
  layout: ColumnLayout,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(storageKey(profile), JSON.stringify(layout))
  } catch {
    // Storage full or blocked: the layout lasts for this window only.
  }
}
