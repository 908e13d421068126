import { describe, expect, it } from 'vitest'
import { planFindReplace } from './find-replace'
import { contextOf, imageRow } from './testing/rows'

const rows = [
  imageRow(1, { metadata: { title: 'Harbour at dawn', keywords: ['harbour', 'sea'] } }),
  imageRow(2, { metadata: { title: 'harbour HARBOUR' }, translations: { fr: { metadata: { title: 'Le port' } } } }),
  imageRow(3, { metadata: { title: 'Ships', rating: 3 } }),
  // Imported: its metadata could be corrected, its translations cannot.
  imageRow(
    4,
    { metadata: { title: 'Ships' }, translations: { fr: { metadata: { title: 'Harbour' } } } },
    { status: 'imported', result: { mediaId: 'm4', record: {} } },
  ),
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

  // Issue #15 point 5: the built-in engine backtracks exponentially on this pattern (7-78 s at
  // 28 characters here, doubling with each one more); RE2 answers in linear time.
  it('runs a catastrophic pattern quickly and correctly', () => {
    const rows = [
      imageRow(11, { metadata: { title: `${'a'.repeat(28)}!` } }),
      imageRow(12, { metadata: { title: `x${'a'.repeat(20_000)}` } }),
    ]
    const started = performance.now()
    const plan = planFindReplace(contextOf(rows), ['row-11', 'row-12'], ['metadata.title'], {
      ...opts('(a+)+$', 'A', { regex: true }),
    })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(plan).toMatchObject({ matches: 1, cells: 1, rows: 1 })
    expect(plan.writes).toEqual([{ rowId: 'row-12', field: 'metadata.title', value: 'xA' }])
  })

  it('does not freeze on a long cell, nor on a pattern matching every character of one', () => {
    const rows = [imageRow(13, { metadata: { title: `${'a'.repeat(90_000)}!` } })]
    const started = performance.now()
    expect(
      planFindReplace(contextOf(rows), ['row-13'], ['metadata.title'], opts('(a+)+$', 'A', { regex: true })),
    ).toMatchObject({ matches: 0 })
    // 90,000 matches would hand RE2 the rest of the cell 90,000 times: refused, not run for minutes.
    expect(() =>
      planFindReplace(contextOf(rows), ['row-13'], ['metadata.title'], opts('a', 'b', { regex: true })),
    ).toThrow(/matches too often/)
    expect(performance.now() - started).toBeLessThan(5000)
    // Plain text finds the same 90,000 matches on the built-in engine: a literal cannot backtrack.
    expect(planFindReplace(contextOf(rows), ['row-13'], ['metadata.title'], opts('a', 'b')).matches).toBe(90_000)
  })

  it('keeps text after emoji and accents in place, with $1, $<name>, $& and $$ as in JavaScript', () => {
    const text = imageRow(21, { metadata: { title: 'Café 😀 Zürich 😀 Über über' } })
    const run = (find: string, replace: string, matchCase = false) =>
      planFindReplace(
        contextOf([text]),
        ['row-21'],
        ['metadata.title'],
        opts(find, replace, { regex: true, matchCase }),
      ).writes[0]?.value
    expect(run('über', 'uber')).toBe('Café 😀 Zürich 😀 uber uber')
    expect(run('über', 'uber', true)).toBe('Café 😀 Zürich 😀 Über uber')
    expect(run('😀 (\\p{Lu})(\\S*)', '[$2$1]')).toBe('Café [ürichZ] [berÜ] über')
    // \\w is ASCII-only, in RE2 as in JavaScript.
    expect(run('😀 (\\p{Lu})(\\w*)', '[$2$1]')).toBe('Café [Z]ürich [berÜ] über')
    expect(run('(?<city>Z\\S+)', '<$<city>> $& $$ $0 $9 $')).toBe('Café 😀 <Zürich> Zürich $ $0 $9 $ 😀 Über über')
  })

  it('names what RE2 cannot run, in words', () => {
    const fails = (find: string) => () => planFindReplace(ctx, ids, fields, opts(find, 'x', { regex: true }))
    expect(fails('port(?= at)')).toThrow('Look-ahead `(?=` is not supported in find & replace patterns.')
    expect(fails('port(?! at)')).toThrow('Negative look-ahead `(?!` is not supported')
    expect(fails('(?<=Le )port')).toThrow('Look-behind `(?<=` is not supported')
    expect(fails('(?<!Le )port')).toThrow('Negative look-behind `(?<!` is not supported')
    expect(fails('(o)\\1')).toThrow('Back-references like `\\1` are not supported')
    expect(fails('(?<o>o)\\k<o>')).toThrow('Named back-references')
    expect(fails('[a-')).toThrow('Not a valid regular expression: a `[` has no closing `]`.')
    expect(fails('a{1001}')).toThrow('larger than 1000')
    // Only RE2's refusal is explained: inside a class "(?=" is three plain characters.
    expect(planFindReplace(ctx, ids, fields, opts('[(?=]', 'x', { regex: true })).matches).toBe(0)
  })

  it('refuses a pattern that matches empty text between characters, like \\b', () => {
    expect(() => planFindReplace(ctx, ids, fields, opts('\\b', '|', { regex: true }))).toThrow(/matches empty text/)
  })
})
