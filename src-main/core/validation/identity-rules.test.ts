import { describe, expect, it } from 'vitest'
import type { RowEntry } from '../model/row'
import { buildEntryIndex } from './entry-index'
import { identityIssues } from './identity-rules'

const entry = (over: Partial<RowEntry> = {}): RowEntry => ({ id: 'abc-1', metadata: {}, translations: {}, ...over })
const fields = (issues: { field: string }[]) => issues.map((i) => i.field)

describe('identityIssues', () => {
  it('accepts a valid id and no externalId', () => {
    const e = entry()
    expect(identityIssues('r1', e, buildEntryIndex([{ rowId: 'r1', entry: e }]))).toEqual([])
  })

  it('checks the id pattern and length, saying what is wrong', () => {
    const index = buildEntryIndex([])
    const [spaces] = identityIssues('r1', entry({ id: 'my id_1' }), index)
    expect(spaces?.field).toBe('id')
    expect(spaces?.message).toMatch(/contains " _"/)
    const [long] = identityIssues('r1', entry({ id: 'a'.repeat(33) }), index)
    expect(long?.message).toMatch(/33 characters, at most 32/)
    expect(fields(identityIssues('r1', entry({ id: '' }), index))).toEqual(['id'])
    expect(identityIssues('r1', entry({ id: 'A'.repeat(32) }), index)).toEqual([])
  })

  it('flags an id used by another row of the session', () => {
    const rows = [
      { rowId: 'r1', entry: entry({ id: 'same' }) },
      { rowId: 'r2', entry: entry({ id: 'same' }) },
    ]
    const index = buildEntryIndex(rows)
    expect(identityIssues('r1', rows[0]!.entry, index)[0]?.message).toMatch(/also used by 1 other row/)
  })

  it('requires a systemName with an externalId, accepting the session default', () => {
    const e = entry({ externalId: 'x-1' })
    expect(fields(identityIssues('r1', e, buildEntryIndex([{ rowId: 'r1', entry: e }])))).toEqual(['systemName'])
    const index = buildEntryIndex([{ rowId: 'r1', entry: e }], { defaultSystemName: 'dam' })
    expect(identityIssues('r1', e, index, 'dam')).toEqual([])
  })

  it('flags systemName+externalId used twice in the session, and not the same externalId in two systems', () => {
    const rows = [
      { rowId: 'r1', entry: entry({ id: 'a', externalId: 'x' }) },
      { rowId: 'r2', entry: entry({ id: 'b', externalId: 'x' }) },
      { rowId: 'r3', entry: entry({ id: 'c', externalId: 'x', systemName: 'other' }) },
    ]
    const index = buildEntryIndex(rows, { defaultSystemName: 'dam' })
    expect(fields(identityIssues('r1', rows[0]!.entry, index, 'dam'))).toEqual(['externalId'])
    expect(identityIssues('r3', rows[2]!.entry, index, 'dam')).toEqual([])
  })

  it('flags an externalId the library already holds under another id, not under our own', () => {
    const mine = entry({ id: 'mine', externalId: 'x', systemName: 'dam' })
    const library = [{ id: 'theirs', systemName: 'dam', externalId: 'x', record: {} }]
    const [clash] = identityIssues('r1', mine, buildEntryIndex([{ rowId: 'r1', entry: mine }], { library }))
    expect(clash?.field).toBe('externalId')
    expect(clash?.message).toMatch(/library already holds entry theirs .* link this row to it or change the externalId/)
    const ours = [{ id: 'mine', systemName: 'dam', externalId: 'x', record: {} }]
    expect(identityIssues('r1', mine, buildEntryIndex([{ rowId: 'r1', entry: mine }], { library: ours }))).toEqual([])
  })
})
