import { describe, expect, it } from 'vitest'
import { DuplicateIndex } from './duplicate-index'

describe('DuplicateIndex', () => {
  it('flags a later twin with the first one found', () => {
    const index = new DuplicateIndex()
    expect(index.add('aa', 'first', 1)).toEqual([])
    expect(index.add('bb', 'other', 2)).toEqual([])
    expect(index.add('aa', 'second', 3)).toEqual([{ id: 'second', duplicateOf: 'first' }])
    expect(index.add('aa', 'third', 4)).toEqual([{ id: 'third', duplicateOf: 'first' }])
  })

  it('re-points the group when the file found first finishes probing last', () => {
    const index = new DuplicateIndex()
    index.add('aa', 'later', 5)
    index.add('aa', 'latest', 9)
    expect(index.add('aa', 'earliest', 1)).toEqual([
      { id: 'later', duplicateOf: 'earliest' },
      { id: 'latest', duplicateOf: 'earliest' },
    ])
  })

  it('forgets originals whose rows are gone', () => {
    const index = new DuplicateIndex()
    index.add('aa', 'removed', 1)
    expect(index.add('aa', 'new', 2, (id) => id !== 'removed')).toEqual([])
    expect(index.add('aa', 'newer', 3)).toEqual([{ id: 'newer', duplicateOf: 'new' }])
  })
})
