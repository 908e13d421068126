/**
 * Which rows are selected, as a file manager does it, kept apart from the cell range (range.ts)
 * as a spreadsheet keeps its row headers apart from its cells. The row header is the row's box,
 * preview and file name: a click there selects that one row, Shift+click selects from the anchor
 * to it, Ctrl/Cmd+click (anywhere in the row) toggles it, the box toggles without clearing the
 * others (Shift: adds the range), Shift+Up/Down in the header extends, Ctrl/Cmd+A takes every row
 * shown, Escape clears. The rows selected are what bulk set, templates, find and submit work on;
 * the cell range is what copy, paste, fill-down and Delete work on. Pure.
 */

export interface RowSelection {
  selected: ReadonlySet<string>
  /** Where Shift extends from: the row last clicked or toggled. */
  anchor: string | null
}

export type RowGesture =
  /** A click on the row header (Shift: from the anchor; Ctrl/Cmd+Shift: add that range). */
  | { type: 'click'; rowId: string; shift: boolean; add?: boolean }
  /** The row's box (Shift: adds the range from the anchor). */
  | { type: 'checkbox'; rowId: string; shift: boolean }
  /** Ctrl/Cmd+click on any cell, Shift+Space. */
  | { type: 'toggle'; rowId: string }
  /** Shift+Up/Down in the row header: from the anchor (or the row it started on) to `to`. */
  | { type: 'extend'; from: string; to: string }
  | { type: 'all'; ids: readonly string[] }
  | { type: 'clear' }

export const noRowSelection: RowSelection = { selected: new Set(), anchor: null }

/** Columns that act as the row's header (clicks there select rows, not cells). */
export const ROW_HEADER_COLUMNS: ReadonlySet<string> = new Set(['select', 'thumbnail', 'path'])

/** The rows from one id to another in the order shown (either way round); empty if one is not shown. */
function between(ids: readonly string[], indexOf: (id: string) => number, a: string, b: string): string[] {
  const i = indexOf(a)
  const j = indexOf(b)
  if (i < 0 || j < 0) return []
  return ids.slice(Math.min(i, j), Math.max(i, j) + 1)
}

export function nextRowSelection(
  current: RowSelection,
  gesture: RowGesture,
  ids: readonly string[],
  indexOf: (id: string) => number = (id) => ids.indexOf(id),
): RowSelection {
  const toggled = (rowId: string): RowSelection => {
    const selected = new Set(current.selected)
    if (selected.has(rowId)) selected.delete(rowId)
    else selected.add(rowId)
    return { selected, anchor: rowId }
  }
  const range = (from: string, to: string, keep: boolean): RowSelection => {
    const rows = between(ids, indexOf, from, to)
    if (rows.length === 0) return { selected: new Set([to]), anchor: to }
    return { selected: new Set([...(keep ? current.selected : []), ...rows]), anchor: from }
  }
  switch (gesture.type) {
    case 'click':
      if (gesture.shift && current.anchor) return range(current.anchor, gesture.rowId, gesture.add === true)
      return { selected: new Set([gesture.rowId]), anchor: gesture.rowId }
    case 'checkbox':
      if (gesture.shift && current.anchor) return range(current.anchor, gesture.rowId, true)
      return toggled(gesture.rowId)
    case 'toggle':
      return toggled(gesture.rowId)
    case 'extend':
      return range(current.anchor ?? gesture.from, gesture.to, false)
    case 'all':
      return { selected: new Set(gesture.ids), anchor: current.anchor }
    case 'clear':
      return noRowSelection
  }
}
