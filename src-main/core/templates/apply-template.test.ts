import { describe, expect, it } from 'vitest'
import { contextOf, imageRow } from '../editing/testing/rows'
import { planTemplate } from './apply-template'
import { templateFieldsFromEntry } from '../../../src-shared/templates/template-fields'

describe('planTemplate', () => {
  it('plans every field with its own mode, as one plan', () => {
    const ctx = contextOf([
      imageRow(1, { metadata: { title: 'Harbour', credit: 'Reuters' } }),
      imageRow(2, { metadata: { title: 'Dawn' } }),
    ])
    const plan = planTemplate(ctx, ['row-1', 'row-2'], {
      name: 'AFP desk',
      fields: [
        { field: 'metadata.credit', mode: 'fill-empty', value: 'AFP' },
        { field: 'metadata.title', mode: 'append', value: '(AFP)' },
        { field: 'metadata.keywords', mode: 'replace', value: ['news'] },
      ],
    })
    expect(plan.refused).toEqual([])
    expect(plan.writes).toEqual([
      { rowId: 'row-2', field: 'metadata.credit', value: 'AFP' },
      { rowId: 'row-1', field: 'metadata.title', value: 'Harbour (AFP)' },
      { rowId: 'row-2', field: 'metadata.title', value: 'Dawn (AFP)' },
      { rowId: 'row-1', field: 'metadata.keywords', value: ['news'] },
      { rowId: 'row-2', field: 'metadata.keywords', value: ['news'] },
    ])
  })
})

describe('templateFieldsFromEntry', () => {
  it('takes the metadata values a row holds, nothing empty, no ids', () => {
    const row = imageRow(1, { externalId: 'x-1', metadata: { title: 'Harbour', credit: ' ', keywords: ['sea'] } })
    expect(templateFieldsFromEntry(row.entry)).toEqual([
      { field: 'metadata.title', mode: 'replace', value: 'Harbour' },
      { field: 'metadata.keywords', mode: 'replace', value: ['sea'] },
    ])
  })
})
