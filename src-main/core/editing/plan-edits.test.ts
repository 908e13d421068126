import { describe, expect, it } from 'vitest'
import { planBulk, planCells, planFillDown, planPaste, PlanError } from './plan-edits'
import { contextOf, imageRow } from './testing/rows'

const rows = [imageRow(1), imageRow(2, { metadata: { title: 'Two', keywords: ['sea'] } }), imageRow(3)]
const ctx = contextOf(rows)
const ids = rows.map((r) => r.rowId)

describe('planCells', () => {
  it('parses each value for its plugin and resolves variables per row', () => {
    const plan = planCells(ctx, [
      { rowId: 'row-1', field: 'metadata.rating', value: '4' },
      { rowId: 'row-1', field: 'metadata.title', value: '{filename} at dawn' },
      { rowId: 'row-2', field: 'translations.fr.metadata.title', value: 'Port' },
    ])
    expect(plan.writes).toEqual([
      { rowId: 'row-1', field: 'metadata.rating', value: 4 },
      { rowId: 'row-1', field: 'metadata.title', value: 'IMG_0001 at dawn' },
      { rowId: 'row-2', field: 'translations.fr.metadata.title', value: 'Port' },
    ])
  })

  it('drops a write that changes nothing, and refuses with the reason per cell', () => {
    const imported = imageRow(9, {}, { status: 'imported', result: { mediaId: 'm-9', record: {} } })
    const sent = imageRow(8, {}, { status: 'rejected', submitAttempts: 1 })
    const plan = planCells(contextOf([...rows, imported, sent]), [
      { rowId: 'row-1', field: 'metadata.title', value: 'Title 1' },
      { rowId: 'row-9', field: 'translations.fr.metadata.title', value: 'New' },
      { rowId: 'row-9', field: 'externalId', value: 'X-1' },
      { rowId: 'row-8', field: 'id', value: 'new-id' },
      { rowId: 'row-8', field: 'metadata.description', value: 'x' },
      { rowId: 'row-8', field: 'translations.fr.metadata.credit', value: 'x' },
      { rowId: 'row-1', field: 'metadata.title', value: '{nope}' },
      { rowId: 'gone', field: 'metadata.title', value: 'x' },
    ])
    expect(plan.writes).toEqual([])
    expect(plan.refused.map((r) => `${r.rowId} ${r.field}: ${r.message}`)).toEqual([
      expect.stringMatching(
        /^row-9 translations.fr.metadata.title: Already imported \(media id m-9\): Livingdocs offers no way to change a translation's metadata/,
      ),
      'row-9 externalId: Already imported (media id m-9): its externalId can no longer change; only its metadata can be corrected.',
      expect.stringMatching(/^row-8 id: The entry id "entry-8" was already sent to the server/),
      'row-8 metadata.description: Media type "Image" has no property "description".',
      'row-8 translations.fr.metadata.credit: "Credit" is not translatable in media type "Image".',
      expect.stringMatching(/^row-1 metadata.title: Unknown variable \{nope\}/),
      'gone metadata.title: This row is no longer in the session.',
    ])
  })

  it('lets the id change before the first submit attempt, and rejects unknown columns outright', () => {
    expect(planCells(ctx, [{ rowId: 'row-1', field: 'id', value: 'harbour-1' }]).writes).toHaveLength(1)
    expect(() => planCells(ctx, [{ rowId: 'row-1', field: 'asset', value: 'x' }])).toThrow(PlanError)
  })
})

describe('planBulk', () => {
  it('"only where empty" fills the gaps and leaves the credits files brought intact', () => {
    const shoot = [
      imageRow(1, { metadata: { title: 'a', credit: 'Reuters / Ann Example' } }),
      imageRow(2, { metadata: { title: 'b', credit: '  ' } }),
      imageRow(3, { metadata: { title: 'c' } }),
    ]
    const plan = planBulk(contextOf(shoot), ['row-1', 'row-2', 'row-3'], 'metadata.credit', 'fill-empty', 'Desk {seq}')
    expect(plan.writes).toEqual([
      { rowId: 'row-2', field: 'metadata.credit', value: 'Desk 2' },
      { rowId: 'row-3', field: 'metadata.credit', value: 'Desk 3' },
    ])
    expect(plan.refused).toEqual([])
  })

  it('replaces with a value per row ({seq} counts in the order given)', () => {
    const plan = planBulk(ctx, ['row-3', 'row-1'], 'externalId', 'replace', 'dam-{seq:2}')
    expect(plan.writes).toEqual([
      { rowId: 'row-3', field: 'externalId', value: 'dam-01' },
      { rowId: 'row-1', field: 'externalId', value: 'dam-02' },
    ])
  })

  it('appends text with a space and list items once; clears', () => {
    expect(planBulk(ctx, ids, 'metadata.title', 'append', '(AFP)').writes.map((w) => w.value)).toEqual([
      'Title 1 (AFP)',
      'Two (AFP)',
      'Title 3 (AFP)',
    ])
    expect(planBulk(ctx, ids, 'metadata.keywords', 'append', 'sea, dawn').writes.map((w) => w.value)).toEqual([
      ['sea', 'dawn'],
      ['sea', 'dawn'],
      ['sea', 'dawn'],
    ])
    expect(planBulk(ctx, ids, 'metadata.keywords', 'clear', null).writes).toEqual([
      { rowId: 'row-2', field: 'metadata.keywords', value: undefined },
    ])
  })

  it('appends a credit after ", " and only where the row does not name it yet', () => {
    const shoot = contextOf([
      imageRow(1, { metadata: { title: 'a', credit: 'Reuters' } }),
      imageRow(2, { metadata: { title: 'b', credit: 'Reuters, AFP' } }),
      imageRow(3, { metadata: { title: 'c' } }),
    ])
    expect(planBulk(shoot, ['row-1', 'row-2', 'row-3'], 'metadata.credit', 'append', 'AFP').writes).toEqual([
      { rowId: 'row-1', field: 'metadata.credit', value: 'Reuters, AFP' },
      { rowId: 'row-3', field: 'metadata.credit', value: 'AFP' },
    ])
  })

  it('refuses to append to numbers, and an unknown variable stops the whole set', () => {
    const rated = contextOf([imageRow(1, { metadata: { title: 'T', rating: 2 } })])
    expect(planBulk(rated, ['row-1'], 'metadata.rating', 'append', '3').refused[0]?.message).toMatch(/use Replace/)
    expect(() => planBulk(ctx, ids, 'metadata.title', 'replace', '{filname}')).toThrow(/Unknown variable \{filname\}/)
  })
})

describe('planFillDown', () => {
  it('continues identifiers that end in a number as a series, keeping their zero padding', () => {
    const source = contextOf([
      imageRow(1, { externalId: 'dpa-0098' }),
      imageRow(2),
      imageRow(3),
      imageRow(4, { externalId: 'x' }),
    ])
    const plan = planFillDown(source, ['row-1', 'row-2', 'row-3'], ['externalId'])
    expect(plan.writes.map((w) => w.value)).toEqual(['dpa-0099', 'dpa-0100'])
    const plain = planFillDown(source, ['row-4', 'row-2'], ['externalId'])
    expect(plain.writes.map((w) => w.value)).toEqual(['x'])
  })

  it('copies the first row into the others, per field', () => {
    const source = contextOf([
      imageRow(1, { systemName: 'dam', metadata: { title: 'Same' } }),
      imageRow(2),
      imageRow(3),
    ])
    const plan = planFillDown(source, ['row-1', 'row-2', 'row-3'], ['systemName', 'metadata.title'])
    expect(plan.writes.map((w) => `${w.rowId} ${w.field}=${String(w.value)}`)).toEqual([
      'row-2 systemName=dam',
      'row-2 metadata.title=Same',
      'row-3 systemName=dam',
      'row-3 metadata.title=Same',
    ])
  })
})

describe('planPaste', () => {
  it('maps pasted rows and columns from the active cell, parsing each for its column', () => {
    const plan = planPaste(
      ctx,
      ['row-2', 'row-3'],
      ['metadata.title', 'metadata.rating'],
      'Harbour\t5\r\nDawn\tfive\r\n',
    )
    expect(plan.writes).toEqual([
      { rowId: 'row-2', field: 'metadata.title', value: 'Harbour' },
      { rowId: 'row-2', field: 'metadata.rating', value: 5 },
      { rowId: 'row-3', field: 'metadata.title', value: 'Dawn' },
      { rowId: 'row-3', field: 'metadata.rating', value: 'five' },
    ])
    expect(plan).toMatchObject({ rowsLeftOver: 0, columnsLeftOver: 0 })
  })

  it('says how much did not fit, and fills a selection with a single pasted cell', () => {
    const over = planPaste(ctx, ['row-3'], ['metadata.credit'], 'a\tb\tc\nd\te\tf\n')
    expect(over).toMatchObject({ rowsLeftOver: 1, columnsLeftOver: 2, writes: [{ rowId: 'row-3', value: 'a' }] })
    expect(planPaste(ctx, ids, ['metadata.credit'], 'AFP\n').writes).toHaveLength(3)
  })

  it('pastes variables as the text they are', () => {
    expect(planPaste(ctx, ['row-1'], ['metadata.credit'], '{filename}').writes[0]?.value).toBe('{filename}')
  })
})
