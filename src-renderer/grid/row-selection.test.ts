import { describe, expect, it } from 'vitest'
import { nextRowSelection, noRowSelection, type RowGesture, type RowSelection } from './row-selection'

const ids = ['a', 'b', 'c', 'd', 'e']
const sel = (selected: string[], anchor: string | null): RowSelection => ({ selected: new Set(selected), anchor })
const after = (from: RowSelection, ...gestures: RowGesture[]) => {
  const end = gestures.reduce((s, g) => nextRowSelection(s, g, ids), from)
  return { selected: [...end.selected].sort(), anchor: end.anchor }
}

describe('nextRowSelection (file-manager selection)', () => {
  it.each<[string, RowSelection, RowGesture[], string[], string | null]>([
    ['a click selects that one row', sel(['a', 'b'], 'a'), [{ type: 'click', rowId: 'c', shift: false }], ['c'], 'c'],
    [
      'Shift+click selects from the anchor, either way round',
      noRowSelection,
      [
        { type: 'click', rowId: 'd', shift: false },
        { type: 'click', rowId: 'b', shift: true },
      ],
      ['b', 'c', 'd'],
      'd',
    ],
    [
      'a second Shift+click replaces the range from the same anchor',
      sel(['b', 'c', 'd'], 'b'),
      [{ type: 'click', rowId: 'c', shift: true }],
      ['b', 'c'],
      'b',
    ],
    [
      'Ctrl+Shift+click adds the range to what is selected',
      sel(['a', 'd'], 'd'),
      [{ type: 'click', rowId: 'e', shift: true, add: true }],
      ['a', 'd', 'e'],
      'd',
    ],
    [
      'Shift+click without an anchor selects the one row',
      noRowSelection,
      [{ type: 'click', rowId: 'c', shift: true }],
      ['c'],
      'c',
    ],
    ['Ctrl+click toggles one row on', sel(['a'], 'a'), [{ type: 'toggle', rowId: 'c' }], ['a', 'c'], 'c'],
    ['Ctrl+click toggles one row off', sel(['a', 'c'], 'a'), [{ type: 'toggle', rowId: 'a' }], ['c'], 'a'],
    [
      'the box toggles without clearing the others',
      sel(['a', 'b'], 'b'),
      [{ type: 'checkbox', rowId: 'd', shift: false }],
      ['a', 'b', 'd'],
      'd',
    ],
    [
      'Shift on the box adds the range from the anchor',
      sel(['a'], 'c'),
      [{ type: 'checkbox', rowId: 'e', shift: true }],
      ['a', 'c', 'd', 'e'],
      'c',
    ],
    [
      'Shift+Down extends from the anchor, Shift+Up takes it back',
      sel(['b'], 'b'),
      [
        { type: 'extend', from: 'b', to: 'c' },
        { type: 'extend', from: 'c', to: 'd' },
        { type: 'extend', from: 'd', to: 'c' },
      ],
      ['b', 'c'],
      'b',
    ],
    [
      'Shift+Down with nothing selected starts at the row it left',
      noRowSelection,
      [{ type: 'extend', from: 'b', to: 'c' }],
      ['b', 'c'],
      'b',
    ],
    ['Ctrl+A takes every row shown', sel(['a'], 'a'), [{ type: 'all', ids }], ids, 'a'],
    ['Escape clears', sel(['a', 'b'], 'a'), [{ type: 'clear' }], [], null],
  ])('%s', (_, from, gestures, selected, anchor) => {
    expect(after(from, ...gestures)).toEqual({ selected, anchor })
  })

  it('a range whose anchor is no longer shown (filtered away) starts again at the row clicked', () => {
    expect(after(sel(['x'], 'x'), { type: 'click', rowId: 'c', shift: true })).toEqual({ selected: ['c'], anchor: 'c' })
  })
})
