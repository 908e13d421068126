/** Rows and the sandbox project for the editing tests: probed, uploaded rows with an entry. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { readProjectModel } from '../../../../src-shared/project/project-model'
import type { ProjectModel } from '../../model/livingdocs'
import type { Row, RowChange, RowEntry } from '../../model/row'
import { filledRow } from '../../../../src-shared/rows/testing/example-rows'
import type { PlanContext } from '../plan'

export const sandboxProject: ProjectModel = readProjectModel(
  JSON.parse(readFileSync(resolve(__dirname, '../../../../resources/sandbox/project-config.json'), 'utf8')),
)

export function imageRow(n: number, entry: Partial<RowEntry> = {}, change: RowChange = {}): Row {
  const name = `IMG_${String(n).padStart(4, '0')}.jpg`
  return filledRow({
    rowId: `row-${n}`,
    path: `/drop/Reportage/${name}`,
    relativePath: `Reportage/${name}`,
    size: 1000 + n,
    mtimeMs: Date.UTC(2026, 4, 31, 12),
    status: 'uploaded',
    kind: 'image',
    mimeType: 'image/jpeg',
    extension: 'jpg',
    width: 40,
    height: 30,
    upload: {
      state: 'uploaded',
      bytesSent: 1000 + n,
      bytesTotal: 1000 + n,
      key: `2026/05/31/${n}.jpg`,
      url: `http://127.0.0.1:9/images/2026/05/31/${n}.jpg`,
    },
    entry: { id: `entry-${n}`, mediaType: 'image', metadata: { title: `Title ${n}` }, translations: {}, ...entry },
    ...change,
  })
}

export function contextOf(rows: readonly Row[], project: ProjectModel | undefined = sandboxProject): PlanContext {
  const byId = new Map(rows.map((r) => [r.rowId, r]))
  return { project, row: (id) => byId.get(id) }
}
