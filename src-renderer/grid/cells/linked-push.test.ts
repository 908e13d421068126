import { describe, expect, it } from 'vitest'
import type { Row } from '../../../src-main/contract'
import { canPushLinked, linkedPushQuestion, shownValue } from './linked-push'
import { filledRow } from '../../../src-shared/rows/testing/example-rows'

const row = (over: Partial<Row>): Row =>
  filledRow({
    rowId: 'r',
    path: '/d/a.jpg',
    relativePath: 'd/a.jpg',
    size: 1,
    mtimeMs: 0,
    status: 'imported',
    entry: { id: 'e1', metadata: {}, translations: {} },
    ...over,
  })

describe('the linked row push, as the window asks', () => {
  it('is offered on linked rows only', () => {
    expect(canPushLinked(row({ result: { mediaId: 'm', record: { linked: true } } }))).toBe(true)
    expect(canPushLinked(row({ result: { mediaId: 'm', record: {} } }))).toBe(false)
    expect(canPushLinked(row({}))).toBe(false)
  })

  it('shows each field that would change, old -> new, before anything is sent', () => {
    const question = linkedPushQuestion(
      {
        rowId: 'r',
        mediaId: 'desk-9',
        version: 2,
        changes: [
          { field: 'metadata.title', library: 'Desk title', row: 'Our title' },
          { field: 'metadata.caption', library: undefined, row: 'At dawn' },
          { field: 'metadata.tags', library: ['a'], row: ['a', 'b'] },
        ],
      },
      'd/a.jpg',
      (field) => (field === 'metadata.title' ? 'Title' : field),
    )
    expect(question?.split('\n')).toEqual([
      'Send the metadata of d/a.jpg to library entry desk-9? 3 fields change (library → this row):',
      '• Title: "Desk title" → "Our title"',
      '• metadata.caption: (empty) → "At dawn"',
      '• metadata.tags: "a" → "a; b"',
      'Values only the library holds stay. If the entry changes in Livingdocs before this arrives, nothing is overwritten: the row shows the conflict.',
    ])
  })

  it('asks nothing when the entry already holds the values, and shortens long ones', () => {
    expect(linkedPushQuestion({ rowId: 'r', mediaId: 'm', changes: [] }, 'd/a.jpg')).toBeUndefined()
    expect(shownValue('x'.repeat(200))).toHaveLength(82)
    expect(shownValue({ a: 1 })).toBe('"{"a":1}"')
  })
})
