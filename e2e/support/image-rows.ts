/**
 * An uploaded image row with an entry, put straight into the session by a journey that needs rows
 * in a given state without dropping files: `/Volumes/<Volume>/<name>`, shown as `<volume>/<name>`.
 */
import { randomUUID } from 'node:crypto'
import type { Row } from '../../src-main/contract'
import { filledRow } from '../../src-shared/rows/testing/example-rows'

export const uploadedImageRow = (volume: string, name: string, change: Partial<Row> = {}): Row =>
  filledRow({
    rowId: randomUUID(),
    path: `/Volumes/${volume}/${name}`,
    relativePath: `${volume.toLowerCase()}/${name}`,
    size: 1000,
    mtimeMs: 0,
    status: 'uploaded',
    kind: 'image',
    mimeType: 'image/jpeg',
    entry: {
      id: `e${randomUUID().replaceAll('-', '').slice(0, 31)}`,
      mediaType: 'image',
      metadata: { title: `Title of ${name}` },
      translations: {},
    },
    ...change,
  })
