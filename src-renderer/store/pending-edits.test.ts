import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { addPending, answerPending, noPendingEdits, patchPending } from './pending-edits'
import { filledRow } from '../../src-shared/rows/testing/example-rows'

const row = (rowId: string, title = 'old'): Row =>
  filledRow({
    rowId,
    path: `/drop/${rowId}`,
    relativePath: `drop/${rowId}`,
    size: 1,
    mtimeMs: 0,
    status: 'uploaded',
    entry: { id: 'e1', mediaType: 'image', metadata: { title }, translations: {} },
  })

const title = 'metadata.title'

describe('pending edits', () => {
  it('shows the typed value until main answers and its patch comes, in either order', () => {
    const before = row('a')
    const typed = addPending(noPendingEdits, 'a', title, 'new', 1, before)
    expect(typed.cells.get('a')?.[title]?.value).toBe('new')
    // Answer first (the patch has not come): the value stays, settled.
    const answered = answerPending(
      typed,
      [{ rowId: 'a', field: title, seq: 1 }],
      { refused: [], changed: true },
      () => before,
    )
    expect(answered.cells.get('a')?.[title]).toMatchObject({ value: 'new', settled: true })
    // Another row's patch leaves it; its own row's patch ends it.
    expect(patchPending(answered, [row('b')], [])).toBe(answered)
    expect(patchPending(answered, [row('a', 'new')], []).cells.size).toBe(0)
    // Patch first (the mirror holds a new row object): the answer ends it at once.
    const after = answerPending(typed, [{ rowId: 'a', field: title, seq: 1 }], { refused: [], changed: true }, () =>
      row('a', 'new'),
    )
    expect(after.cells.size).toBe(0)
  })

  it('an unsettled edit survives its row being patched for something else', () => {
    const typed = addPending(noPendingEdits, 'a', title, 'new', 1, row('a'))
    expect(patchPending(typed, [row('a')], [])).toBe(typed)
  })

  it('a refused cell falls back to main value and keeps the reason until it is edited again', () => {
    const typed = addPending(noPendingEdits, 'a', title, 'x'.repeat(500), 1, row('a'))
    const refused = answerPending(
      typed,
      [{ rowId: 'a', field: title, seq: 1 }],
      { refused: [{ rowId: 'a', field: title, message: 'Title is at most 200 characters.' }], changed: false },
      () => row('a'),
    )
    expect(refused.cells.size).toBe(0)
    expect(refused.refusals.get('a')?.[title]).toBe('Title is at most 200 characters.')
    const again = addPending(refused, 'a', title, 'short', 2, row('a'))
    expect(again.refusals.size).toBe(0)
  })

  it('a later edit of the same cell wins over the answer to the earlier one', () => {
    const first = addPending(noPendingEdits, 'a', title, 'one', 1, row('a'))
    const second = addPending(first, 'a', title, 'two', 2, row('a'))
    const answered = answerPending(second, [{ rowId: 'a', field: title, seq: 1 }], { refused: [], changed: true }, () =>
      row('a', 'one'),
    )
    expect(answered.cells.get('a')?.[title]).toMatchObject({ value: 'two', settled: false })
  })

  it('a failed command or a change of nothing drops the pending value', () => {
    const typed = addPending(noPendingEdits, 'a', title, 'new', 1, row('a'))
    expect(answerPending(typed, [{ rowId: 'a', field: title, seq: 1 }], undefined, () => undefined).cells.size).toBe(0)
    const nothing = answerPending(typed, [{ rowId: 'a', field: title, seq: 1 }], { refused: [], changed: false }, () =>
      row('a'),
    )
    expect(nothing.cells.size).toBe(0)
  })

  it('a removed row takes its pending values and refusals with it', () => {
    const typed = addPending(noPendingEdits, 'a', title, 'new', 1, row('a'))
    expect(patchPending(typed, [], ['a']).cells.size).toBe(0)
  })
})
