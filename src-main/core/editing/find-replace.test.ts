import { describe, expect, it } from 'vitest'
import { planFindReplace } from './find-replace'
import { contextOf, imageRow } from './testing/rows'

const rows = [
  imageRow(1, { metadata: { title: 'Harbour at dawn', keywords: ['harbour', 'sea'] } }),
  imageRow(2, { metadata: { title: 'harbour HARBOUR' }, translations: { fr: { metadata: { title: 'Le port' } } } }),
  imageRow(3, { metadata: { title: 'Ships', rating: 3 } }),
  imageRow(4, { metadata: { title: 'Harbour' } }, { status: 'imported', result: { mediaId: 'm4', record: {} } }),
]
const ctx = contextOf(rows)
const ids = rows.map((r) => r.rowId)
const fields = ['metadata.title', 'metadata.keywords', 'metadata.rating', 'translations.fr.metadata.title']
const opts = (find: string, replace: string, more: { regex?: boolean; matchCase?: boolean } = {}) => ({
  find,
  replace,
  regex: false,
  matchCase: false,
  ...more,
})

describe('planFindReplace', () => {
  it('counts matches, cells and rows, and plans the same writes it counted', () => {
    const plan = planFindReplace(ctx, ids, fields, opts('harbour', 'port'))
    expect(plan).toMatchObject({ matches: 5, cells: 4, rows: 3 })
    expect(plan.writes.map((w) => [w.rowId, w.value])).toEqual([
      ['row-1', 'port at dawn'],
      ['row-1', ['port', 'sea']],
      ['row-2', 'port port'],
    ])
    expect(plan.refused).toEqual([
      expect.objectContaining({ rowId: 'row-4', message: expect.stringMatching(/imported/) }),
    ])
    expect(plan.samples[0]).toEqual({
      rowId: 'row-1',
      field: 'metadata.title',
      before: 'Harbour at dawn',
      after: 'port at dawn',
    })
  })

  it('matches case when asked, and treats $ in a plain replacement as text', () => {
    const plan = planFindReplace(ctx, ids, fields, opts('HARBOUR', 'US$', { matchCase: true }))
    expect(plan.writes).toEqual([{ rowId: 'row-2', field: 'metadata.title', value: 'harbour US$' }])
  })

  it('uses regular expressions with groups', () => {
    const plan = planFindReplace(
      ctx,
      ids,
      ['translations.fr.metadata.title'],
      opts('^Le (\\w+)$', '$1 (fr)', { regex: true }),
    )
    expect(plan.writes).toEqual([{ rowId: 'row-2', field: 'translations.fr.metadata.title', value: 'port (fr)' }])
  })

  it('explains a broken pattern, an empty one and one that matches empty text', () => {
    expect(() => planFindReplace(ctx, ids, fields, opts('(', 'x', { regex: true }))).toThrow(
      /Not a valid regular expression/,
    )
    expect(() => planFindReplace(ctx, ids, fields, opts('', 'x'))).toThrow(/Type the text to find/)
    expect(() => planFindReplace(ctx, ids, fields, opts('a*', 'x', { regex: true }))).toThrow(/matches empty text/)
  })
})
