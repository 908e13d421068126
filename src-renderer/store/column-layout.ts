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
  /** Columns the editor chose to show: shown even while no row of the session can use them. */
  shown: string[]
  widths: Record<string, number>
  /** Shows the file facts and identity columns (column-model.ts marks them `technical`). */
  technical: boolean
  density: Density
  /** The preview pane's width (PreviewPane.tsx): the editor drags or keys its edge. */
  paneWidth: number
}

export const DEFAULT_DENSITY: Density = 'comfortable'
/** The preview pane's width by default and its limits: at 1440 px the fields beside it stay in view. */
export const PANE_WIDTH = 320
export const PANE_MIN = 260
export const PANE_MAX = 720

export const emptyLayout: ColumnLayout = {
  order: [],
  hidden: [],
  shown: [],
  widths: {},
  technical: false,
  density: DEFAULT_DENSITY,
  paneWidth: PANE_WIDTH,
}
export const MIN_WIDTH = 40
export const MAX_WIDTH = 1200

/**
 * The media types of the session's rows (row-summary.ts): a field only other media types have
 * (the Sandbox's Description, a file's) takes no room while none of the rows can use it, and
 * shows once one can. Empty: nothing is known yet, every column counts.
 */
export type PresentTypes = ReadonlySet<string>

const fitsSession = (column: GridColumn, present: PresentTypes | undefined): boolean =>
  !column.mediaTypes || !present || present.size === 0 || column.mediaTypes.some((t) => present.has(t))

/**
 * Whether a column shows: not hidden one by one, not technical while those are off, and either
 * chosen by the editor or of use to a row of the session (`present`; absent: every column counts).
 */
export const isShown = (column: GridColumn, layout: ColumnLayout, present?: PresentTypes): boolean =>
  !layout.hidden.includes(column.id) &&
  (layout.technical || !column.technical) &&
  (layout.shown.includes(column.id) || fitsSession(column, present))

/** Shown by default, but no row of the session can use it: the column chooser says why it is off. */
export const unusedInSession = (column: GridColumn, layout: ColumnLayout, present: PresentTypes): boolean =>
  !layout.hidden.includes(column.id) && !layout.shown.includes(column.id) && !fitsSession(column, present)

/** What the window around the grid says about its columns. */
export interface GridView {
  /** The media types of the session's rows; absent or empty: every column counts. */
  present?: PresentTypes
  /** The preview pane is open: columns the editor did not size take their narrow width. */
  besidePane?: boolean
}

/**
 * Beside the preview pane, the picture is in the pane: the thumbnail shrinks (preview-pane.css
 * draws it 64×44) and each field gives up a share of its width, so at 1440 px the file, Title,
 * Caption, Credit and the state stay beside a 320 px pane.
 */
const BESIDE_PANE = { thumbnail: 80, share: 0.85 }

/** The width a column gets without one the editor set: the Preview column's follows the density. */
function defaultWidth(column: GridColumn, layout: ColumnLayout, besidePane: boolean): number {
  const preview = densityMetrics(layout.density).previewColumnWidth
  if (column.kind === 'thumbnail') return besidePane ? Math.min(preview, BESIDE_PANE.thumbnail) : preview
  return besidePane && column.kind !== 'select' ? Math.round(column.width * BESIDE_PANE.share) : column.width
}

/** Columns in the layout's order, each with its width; hidden ones (technical ones while off, ones no row can use) left out. */
export function visibleColumns(
  columns: readonly GridColumn[],
  layout: ColumnLayout,
  { present, besidePane = false }: GridView = {},
): GridColumn[] {
  const rank = new Map(layout.order.map((id, i) => [id, i]))
  const ordered = columns
    .map((column, i) => ({ column, key: rank.get(column.id) ?? layout.order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ column }) => column)
  return ordered
    .filter((c) => isShown(c, layout, present))
    .map((c) => {
      const width = layout.widths[c.id] ?? defaultWidth(c, layout, besidePane)
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

/** The editor's own choice, which wins over what the session's rows need (and is kept per profile). */
export function setHidden(layout: ColumnLayout, id: string, hidden: boolean): ColumnLayout {
  const rest = layout.hidden.filter((h) => h !== id)
  const shown = layout.shown.filter((s) => s !== id)
  return { ...layout, hidden: hidden ? [...rest, id] : rest, shown: hidden ? shown : [...shown, id] }
}

export const setTechnical = (layout: ColumnLayout, technical: boolean): ColumnLayout => ({ ...layout, technical })

export const setDensity = (layout: ColumnLayout, density: Density): ColumnLayout => ({ ...layout, density })

/** "Reset columns": the default columns, order and widths; the density and the pane's width stay the editor's. */
export const resetColumns = (layout: ColumnLayout): ColumnLayout => ({
  ...emptyLayout,
  density: layout.density,
  paneWidth: layout.paneWidth,
})

export const setPaneWidth = (layout: ColumnLayout, width: number): ColumnLayout => ({
  ...layout,
  paneWidth: Math.round(Math.min(PANE_MAX, Math.max(PANE_MIN, width))),
})

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
      shown: strings(parsed.shown),
      widths,
      technical: parsed.technical === true,
      density: isDensity(parsed.density) ? parsed.density : DEFAULT_DENSITY,
      paneWidth: setPaneWidth(emptyLayout, Number(parsed.paneWidth) || PANE_WIDTH).paneWidth,
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
