/**
 * The grid's columns. TanStack's data is row ids, not rows: a status or progress patch then
 * re-renders only the rows it touches (each subscribes to its own file) instead of rebuilding
 * TanStack's rows. Cells read their file through the row context. Later capabilities add the
 * metadata columns.
 */
import { createColumnHelper } from '@tanstack/react-table'
import { KindCell, PathCell, SizeCell, StatusCell } from './cells'

const column = createColumnHelper<string>()

export const columns = [
  column.display({ id: 'path', header: 'File', cell: PathCell }),
  column.display({ id: 'kind', header: 'Kind', cell: KindCell }),
  column.display({ id: 'size', header: 'Size', cell: SizeCell }),
  column.display({ id: 'status', header: 'Status', cell: StatusCell }),
]
