import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { imageRow } from '../../src-main/core/editing/testing/rows'
import { choiceGroups, type ChoiceGroups } from '../grid/cells/row-choices'
import { ChoiceTracker } from './choice-tracker'

const tooLong = {
  field: 'metadata.title',
  message: 'Title is too long (at most 5 characters).',
  source: 'client' as const,
}
const upload = (code: string): Partial<Row> => ({
  status: 'upload-failed',
  upload: { state: 'failed', bytesSent: 0, bytesTotal: 1, error: { code, message: code, retryable: true } },
})

/** Every kind of row the panel offers a way out for, by the row's number. */
function variant(n: number): Row {
  const row = (change: Partial<Row> = {}) => imageRow(n, {}, change)
  switch (n % 6) {
    case 0:
      return row({ status: 'conflict', conflict: { field: 'externalId', existing: { mediaId: `m${n}` } } })
    case 1:
      return row({ status: 'unreadable', probeError: { code: 'truncated', message: 'cut', canImportAsFile: true } })
    case 2:
      return row({ status: 'in-library' })
    case 3:
      return row({ issues: [tooLong, { ...tooLong, field: 'metadata.caption' }] })
    case 4:
      return row(upload(n % 4 === 0 ? 'access-denied' : 'network'))
    default:
      return row()
  }
}

/** The same groups whatever order the rows joined them in. */
const sorted = (groups: ChoiceGroups): ChoiceGroups => ({
  ...groups,
  link: [...groups.link].sort(),
  asFile: [...groups.asFile].sort(),
  again: [...groups.again].sort(),
  shorten: [...groups.shorten].sort(),
  resubmit: [...groups.resubmit].sort(),
  retry: [...groups.retry].sort(),
})

describe('ChoiceTracker', () => {
  it('follows rows changing, coming and going to the groups a pass over every row gives', () => {
    const tracker = new ChoiceTracker()
    const rows = new Map<string, Row>()
    const put = (r: Row) => {
      rows.set(r.rowId, r)
      tracker.upsert(r)
    }
    tracker.reset([])
    for (let i = 0; i < 120; i++) put(variant(i))
    // Fixed (a plain row now), changed into another kind, removed.
    for (let i = 0; i < 120; i += 5) put(imageRow(i))
    for (let i = 1; i < 120; i += 7) put(variant(i + 3))
    for (let i = 2; i < 120; i += 11) {
      rows.delete(`row-${i}`)
      tracker.remove(`row-${i}`)
    }
    const groups = tracker.groups()
    expect(sorted(groups)).toEqual(sorted(choiceGroups(rows.values())))
    expect(groups.link.length + groups.shortenValues + groups.fixProfile).toBeGreaterThan(0)
  })

  it('starts again from the rows a snapshot holds', () => {
    const tracker = new ChoiceTracker()
    tracker.reset([variant(0), variant(3)])
    tracker.reset([variant(2)])
    expect(tracker.groups()).toEqual(choiceGroups([variant(2)]))
  })
})
