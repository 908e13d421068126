import { describe, expect, it } from 'vitest'
import { gridKeyAction, type KeyInput } from './keyboard'

const key = (k: string, mods: Partial<KeyInput> = {}) =>
  gridKeyAction({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('gridKeyAction', () => {
  it('moves with arrows and Tab, extending the range with Shift+arrows', () => {
    expect(key('ArrowDown')).toEqual({ type: 'move', rows: 1, cols: 0, extend: false })
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ type: 'move', rows: 0, cols: -1, extend: true })
    expect(key('Tab', { shiftKey: true })).toEqual({ type: 'move', rows: 0, cols: -1, extend: false })
    expect(key('End', { ctrlKey: true })).toEqual({ type: 'rowEdge', to: 'end', wholeGrid: true, extend: false })
  })

  it('edits with Enter, F2 or by typing, clears with Delete', () => {
    expect(key('Enter')).toEqual({ type: 'edit' })
    expect(key('F2')).toEqual({ type: 'edit' })
    expect(key('é')).toEqual({ type: 'edit', initial: 'é' })
    expect(key('Delete')).toEqual({ type: 'clear' })
    expect(key('Shift')).toBeNull()
    expect(key('Dead')).toBeNull()
  })

  it('opens the preview with Space and toggles the row with Shift+Space', () => {
    expect(key(' ')).toEqual({ type: 'preview' })
    expect(key(' ', { shiftKey: true })).toEqual({ type: 'toggleRow' })
  })

  it('maps Ctrl and Cmd shortcuts the same way', () => {
    expect(key('z', { ctrlKey: true })).toEqual({ type: 'undo' })
    expect(key('Z', { metaKey: true, shiftKey: true })).toEqual({ type: 'redo' })
    expect(key('y', { ctrlKey: true })).toEqual({ type: 'redo' })
    expect(key('d', { ctrlKey: true })).toEqual({ type: 'fillDown' })
    expect(key('a', { metaKey: true })).toEqual({ type: 'selectAll' })
    expect(key('c', { ctrlKey: true })).toBeNull()
  })
})
