/**
 * The grid's keyboard model while moving between cells (an editor open handles its own keys):
 * arrows and Tab move (Shift extends the range with arrows, goes back with Tab), Home/End go to
 * the row's ends (with Ctrl to the grid's), PageUp/PageDown by a screen, Enter or F2 edits,
 * typing a character starts editing with it, Delete clears, Space opens or closes the preview
 * pane (on the row box: toggles the row's selection), Shift+Space toggles a row's selection,
 * Ctrl+D fills down, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, Ctrl+A selects every row
 * in the filter, Escape clears the range and the selected rows (in the row header, Shift+Up/Down
 * extends the selected rows: row-selection.ts), Ctrl+F / Ctrl+H open find and replace. Cmd
 * stands for Ctrl on a Mac. Pure.
 */

export type GridKeyAction =
  | { type: 'move'; rows: number; cols: number; extend: boolean }
  | { type: 'rowEdge'; to: 'start' | 'end'; wholeGrid: boolean; extend: boolean }
  | { type: 'page'; direction: 1 | -1; extend: boolean }
  | { type: 'edit'; initial?: string }
  | { type: 'clear' }
  | { type: 'toggleRow' }
  | { type: 'preview' }
  | { type: 'fillDown' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  | { type: 'find' }
  | { type: 'cancel' }

export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export function gridKeyAction(e: KeyInput): GridKeyAction | null {
  const mod = e.ctrlKey || e.metaKey
  const extend = e.shiftKey
  if (mod && !e.altKey) {
    switch (e.key.toLowerCase()) {
      case 'z':
        return e.shiftKey ? { type: 'redo' } : { type: 'undo' }
      case 'y':
        return { type: 'redo' }
      case 'd':
        return { type: 'fillDown' }
      case 'a':
        return { type: 'selectAll' }
      case 'f':
      case 'h':
        return { type: 'find' }
      case 'home':
        return { type: 'rowEdge', to: 'start', wholeGrid: true, extend }
      case 'end':
        return { type: 'rowEdge', to: 'end', wholeGrid: true, extend }
    }
    return null
  }
  switch (e.key) {
    case 'ArrowUp':
      return { type: 'move', rows: -1, cols: 0, extend }
    case 'ArrowDown':
      return { type: 'move', rows: 1, cols: 0, extend }
    case 'ArrowLeft':
      return { type: 'move', rows: 0, cols: -1, extend }
    case 'ArrowRight':
      return { type: 'move', rows: 0, cols: 1, extend }
    case 'Tab':
      return { type: 'move', rows: 0, cols: e.shiftKey ? -1 : 1, extend: false }
    case 'Home':
      return { type: 'rowEdge', to: 'start', wholeGrid: false, extend }
    case 'End':
      return { type: 'rowEdge', to: 'end', wholeGrid: false, extend }
    case 'PageUp':
      return { type: 'page', direction: -1, extend }
    case 'PageDown':
      return { type: 'page', direction: 1, extend }
    case 'Enter':
    case 'F2':
      return { type: 'edit' }
    case 'Delete':
    case 'Backspace':
      return { type: 'clear' }
    case ' ':
      // A caption never starts with a space, so Space is free for the preview, as in a file browser.
      return e.shiftKey ? { type: 'toggleRow' } : { type: 'preview' }
    case 'Escape':
      return { type: 'cancel' }
  }
  // One printable character (not a dead key or a named key) starts editing with it, as in a spreadsheet.
  if (!e.altKey && [...e.key].length === 1) return { type: 'edit', initial: e.key }
  return null
}

/** Moves an index within [0, length), clamped. */
export const clampIndex = (index: number, length: number): number => Math.max(0, Math.min(length - 1, index))
