import { describe, expect, it } from 'vitest'
import config from '../../resources/sandbox/project-config.json'
import type { Row } from '../../src-main/contract'
import type { RowChange } from '../../src-main/core/model/row'
import { imageRow } from '../../src-main/core/editing/testing/rows'
import { readProjectModel } from '../../src-shared/project/project-model'
import { buildColumns } from '../grid/column-model'
import { announceStep, fileNameCells, stepProblem } from '../grid/problems/problem-cells'
import { emptyLayout, orderedColumns } from './column-layout'
import { fileNameChipText, fileNameFields, readyWithFileNameTitle } from './file-name-titles'
import { deriveRowView, emptyFilter } from './row-view'
import { applySnapshot } from './session-mirror'

/** A row whose title the prefill took from its file name; `title`: what the cell holds now. */
const camera = (n: number, title = `DSC_${n}`, change: RowChange = {}): Row => {
  const prefill: Row['prefill'] = {
    mediaType: 'image',
    metadata: { title: `DSC_${n}` },
    sources: { title: { from: 'file-name' } },
    fallback: ['title'],
  }
  return imageRow(n, { metadata: { title } }, { ...change, prefill } as RowChange)
}

const rows = [
  camera(1),
  camera(2, 'Pilot boat leaving'),
  imageRow(3),
  camera(4, 'DSC_4', { status: 'imported', result: { mediaId: 'm-4', record: {} } }),
  camera(5, 'DSC_5', { issues: [{ field: 'metadata.caption', message: 'Caption is required.', source: 'client' }] }),
]

describe('titles from file names', () => {
  it('are the rows not imported whose title cell still holds the file name', () => {
    expect(rows.map((r) => fileNameFields(r).join())).toEqual(['title', '', '', '', 'title'])
    // Only a ready row says so in its Status; a row that needs attention already says what.
    expect(rows.map(readyWithFileNameTitle)).toEqual([true, false, false, false, false])
    expect([fileNameChipText(1), fileNameChipText(3)]).toEqual(['1 title from file names', '3 titles from file names'])
  })

  it('filter the grid to those rows, and F8 steps through their Title cells', () => {
    const mirror = applySnapshot({ sessionId: 's', rows })
    const spec = { showSkipped: false, sort: null, searchColumns: [] }
    const view = deriveRowView(mirror, { ...spec, filter: { ...emptyFilter, fileNameTitles: true } })
    expect(view.ids).toEqual(['row-1', 'row-5'])
    expect(deriveRowView(mirror, { ...spec, filter: emptyFilter }).ids).toHaveLength(5)

    const columns = orderedColumns(buildColumns(readProjectModel(config)), emptyLayout)
    const cells = fileNameCells(view.ids, (id) => mirror.byId.get(id), columns)
    expect(cells.map((c) => `${c.rowId}:${c.columnId}`)).toEqual(['row-1:metadata.title', 'row-5:metadata.title'])
    const step = stepProblem(cells, { rowId: 'row-1', columnId: 'metadata.title' }, 1, view.ids, columns)!
    expect(announceStep(step, 'Title from a file name')).toBe(
      'Title from a file name 2 of 2: The title is the file name ("DSC_5"): give it a title a reader would understand. Not required to submit.',
    )
  })
})
