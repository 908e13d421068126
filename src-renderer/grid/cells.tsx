/** Read-only cells; each reads its row from the row context. Editors come with the metadata columns. */
import { formatKind, formatSize, formatStatus } from './format'
import { useGridRow } from './row-context'

// One formatter for all cells: toLocaleString builds a new one per call, which shows when scrolling.
const exactBytes = new Intl.NumberFormat('en')

export function PathCell() {
  const row = useGridRow()
  return (
    <span className="cell-text" title={row.path}>
      {row.relativePath}
    </span>
  )
}

export function KindCell() {
  const { kind, status } = useGridRow()
  return <span className={kind ? 'cell-text' : 'cell-text muted'}>{formatKind(kind, status)}</span>
}

export function SizeCell() {
  const { size } = useGridRow()
  return (
    <span className="cell-text numeric" title={`${exactBytes.format(size)} bytes`}>
      {formatSize(size)}
    </span>
  )
}

export function StatusCell() {
  const row = useGridRow()
  const text = formatStatus(row)
  // The reason can be longer than the column; the tooltip keeps all of it.
  return (
    <span className="cell-text status" data-status={row.status} title={text}>
      {text}
    </span>
  )
}
