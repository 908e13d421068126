import { describe, expect, it } from 'vitest'
import { looksReadOnly } from './edit-rules'
import { imageRow } from '../../src-main/core/editing/testing/rows'

const imported = { status: 'imported' as const, result: { mediaId: 'm-1', record: {} } }
const update = (state: 'pending' | 'sending' | 'updated' | 'failed') => ({ update: { state } as never })

describe('looksReadOnly', () => {
  it.each([
    ['a row not imported yet', imageRow(1), false],
    ['an imported row', imageRow(1, {}, imported), true],
    ['an imported row with a correction pending', imageRow(1, {}, { ...imported, ...update('pending') }), false],
    ['an imported row whose correction is being sent', imageRow(1, {}, { ...imported, ...update('sending') }), false],
    ['an imported row whose correction failed', imageRow(1, {}, { ...imported, ...update('failed') }), false],
    [
      'an imported row whose correction is in the library',
      imageRow(1, {}, { ...imported, ...update('updated') }),
      true,
    ],
  ])('%s: %s', (_, row, expected) => {
    expect(looksReadOnly(row)).toBe(expected)
  })
})
