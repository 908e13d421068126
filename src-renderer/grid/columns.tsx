/** The grid's columns. Later capabilities add metadata columns from the project config. */
import { createColumnHelper } from '@tanstack/react-table'
import type { Row } from '../../src-main/contract'
import { formatKind, formatSize, formatStatus } from './format'

const column = createColumnHelper<Row>()

export const columns = [
  column.accessor('relativePath', {
    id: 'path',
    header: 'File',
    cell: (info) => (
      <span className="cell-text" title={info.row.original.path}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor('kind', {
    id: 'kind',
    header: 'Kind',
    cell: (info) => {
      const kind = info.getValue()
      return <span className={kind ? 'cell-text' : 'cell-text muted'}>{formatKind(kind)}</span>
    },
  }),
  column.accessor('size', {
    id: 'size',
    header: 'Size',
    cell: (info) => (
      <span className="cell-text numeric" title={`${info.getValue().toLocaleString('en')} bytes`}>
        {formatSize(info.getValue())}
      </span>
    ),
  }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (info) => (
      <span className="cell-text status" data-status={info.getValue()}>
        {formatStatus(info.row.original)}
      </span>
    ),
  }),
]
