import { describe, expect, it } from 'vitest'
import { planMetadataCsv } from './csv-import'
import { PlanError } from './plan-edits'
import { contextOf, imageRow } from './testing/rows'

const rows = [
  imageRow(1, { metadata: { title: 'Old one' } }),
  imageRow(2),
  imageRow(3, {}, { status: 'imported', result: { mediaId: 'm3', record: {} } }),
]
const ctx = contextOf(rows)

describe('planMetadataCsv', () => {
  it('previews each cell that changes, before and after, parsed for its column', () => {
    const csv = [
      'relativePath,title,title.fr,rating,externalId,asset.fr',
      'Reportage/IMG_0001.jpg,New one,Nouveau,4,dpa-1,',
      'IMG_0002.jpg,Title 2,,five,,fr/IMG_0002.jpg',
      'Reportage/IMG_0003.jpg,Corrected,Trop tard,,,',
      'Elsewhere/IMG_0009.jpg,Lost,,,,',
    ].join('\n')
    const { plan, preview } = planMetadataCsv(ctx, rows, csv)
    expect(preview).toMatchObject({
      records: 4,
      matched: 3,
      unknownCount: 1,
      unknownPaths: ['line 5: Elsewhere/IMG_0009.jpg'],
    })
    expect(preview.changes.map((c) => `${c.relativePath} ${c.field}: ${c.before} -> ${c.after}`)).toEqual([
      'Reportage/IMG_0001.jpg metadata.title: Old one -> New one',
      'Reportage/IMG_0001.jpg translations.fr.metadata.title:  -> Nouveau',
      'Reportage/IMG_0001.jpg metadata.rating:  -> 4',
      'Reportage/IMG_0001.jpg externalId:  -> dpa-1',
      'Reportage/IMG_0002.jpg metadata.rating:  -> five',
      // Imported: its metadata is a correction (sent by PATCH), its translation cannot change.
      'Reportage/IMG_0003.jpg metadata.title: Title 3 -> Corrected',
    ])
    expect(plan.writes.find((w) => w.field === 'metadata.rating')?.value).toBe(4)
    expect(preview.refused).toEqual([
      expect.objectContaining({
        rowId: 'row-3',
        field: 'translations.fr.metadata.title',
        message: expect.stringMatching(/imported/) as string,
      }),
    ])
    expect(preview.ignoredColumns).toEqual(['asset.fr'])
  })

  it('names the line and what is wrong when the file cannot be read', () => {
    expect(() => planMetadataCsv(ctx, rows, 'relativePath,colour\nx.jpg,red')).toThrow(PlanError)
    expect(() => planMetadataCsv(ctx, rows, 'relativePath,title\n"open,x')).toThrow(/line 2/)
    expect(() => planMetadataCsv({ ...contextOf(rows), project: undefined }, rows, 'relativePath,title')).toThrow(
      /project is not known/,
    )
  })
})
