import { describe, expect, it } from 'vitest'
import { UndoStack, type EditStep } from './undo-stack'

const step = (label: string, cells = 1): EditStep => ({
  label,
  changes: Array.from({ length: cells }, (_, i) => ({
    rowId: `r${i}`,
    field: 'metadata.title',
    before: 'a',
    after: 'b',
  })),
})

describe('UndoStack', () => {
  it('undoes the latest step first and redoes what was undone', () => {
    const stack = new UndoStack()
    stack.record(step('one'))
    stack.record(step('two'))
    expect(stack.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'two' })
    const undone = stack.takeUndo()!
    stack.undoApplied(undone)
    expect(stack.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'one', redoLabel: 'two' })
    stack.redoApplied(stack.takeRedo()!)
    expect(stack.state()).toMatchObject({ undoLabel: 'two', canRedo: false })
  })

  it('a new edit drops what could be redone; an empty step is no step', () => {
    const stack = new UndoStack()
    stack.record(step('one'))
    stack.undoApplied(stack.takeUndo()!)
    stack.record(step('two'))
    expect(stack.state().canRedo).toBe(false)
    stack.record({ label: 'nothing', changes: [] })
    expect(stack.state().undoLabel).toBe('two')
  })

  it('forgets the oldest steps beyond its bounds, but always keeps the latest', () => {
    const stack = new UndoStack({ steps: 2, cells: 5 })
    stack.record(step('a'))
    stack.record(step('b'))
    stack.record(step('c'))
    expect([stack.takeUndo()?.label, stack.takeUndo()?.label, stack.takeUndo()]).toEqual(['c', 'b', undefined])
    stack.record(step('big', 9))
    expect(stack.state().undoLabel).toBe('big')
  })
})
