/**
 * Which columns an editor sees, in which order and how wide, kept per profile (a newsroom's
 * DAM import and a sandbox trial want different columns). Stored in the window's localStorage
 * under the profile's name; a column the project adds later shows up at its place, one the
 * project dropped is forgotten. Pure apart from the two storage helpers.
 */
import type { GridColumn } from '../grid/column-model'

export interface ColumnLayout {
  /** Column ids in the editor's order; columns missing here keep their default place after those. */
  order: string[]
  hidden: string[]
  widths: Record<string, number>
}

export const emptyLayout: ColumnLayout = { order: [], hidden: [], widths: {} }
export const MIN_WIDTH = 40
export const MAX_WIDTH = 1200

/** Columns in the layout's order, each with its width; hidden ones left out. */
export function visibleColumns(columns: readonly GridColumn[], layout: ColumnLayout): GridColumn[] {
  const rank = new Map(layout.order.map((id, i) => [id, i]))
  const ordered = columns
    .map((column, i) => ({ column, key: rank.get(column.id) ?? layout.order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ column }) => column)
  const hidden = new Set(layout.hidden)
  return ordered
    .filter((c) => !hidden.has(c.id))
    .map((c) => (layout.widths[c.id] ? { ...c, width: layout.widths[c.id] as number } : c))
}

/** Moves a column one place among all columns (shown or not), as the column chooser's buttons do. */
export function moveColumn(columns: readonly GridColumn[], layout: ColumnLayout, id: string, by: -1 | 1): ColumnLayout {
  const order = visibleColumns(columns, { ...layout, hidden: [] }).map((c) => c.id)
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
    return { order: strings(parsed.order), hidden: strings(parsed.hidden), widths }
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
