/**
 * Copy and paste through the browser's own copy/paste events, so no clipboard permission is
 * asked for: a copy puts the selected range on the clipboard as tab-separated text (what Excel
 * and Google Sheets paste), a paste sends the text to main with the rows and editable columns
 * from the active cell on. Main parses each cell for its column and reports what did not fit.
 */
import { formatCellValue } from '../../src-shared/editing/cell-text'
import { parseTsv, toTsv } from '../../src-shared/editing/tsv'
import { api } from '../api'
import { useAppStore } from '../store/app-store'
import { cellValue, columnText } from './cell-display'
import { isEditable } from './column-model'
import { currentRange, runEdit } from './grid-actions'
import { rangeColumns, rangeRowIds, rangeRows } from './range'

/** The selected range as TSV: entry values as they round-trip, file facts as shown. */
export function copyRangeText(): string | null {
  const current = currentRange()
  if (!current) return null
  const { byId } = useAppStore.getState().session
  const columns = rangeColumns(current.columns, current.range).filter(
    (c) => c.kind !== 'select' && c.kind !== 'thumbnail',
  )
  const rows = rangeRowIds(current.ids, current.range).map((id) => {
    const row = byId.get(id)
    return columns.map((c) => (row ? (isEditable(c) ? formatCellValue(cellValue(c, row)) : columnText(c, row)) : ''))
  })
  return toTsv(rows)
}

export async function pasteRangeText(text: string): Promise<void> {
  const current = currentRange()
  if (!current || text === '') return
  const { range, ids, columns } = current
  const fields = columns
    .slice(range.colStart)
    .filter(isEditable)
    .map((c) => c.field as string)
  if (fields.length === 0) {
    useAppStore
      .getState()
      .reportError('paste-refused', 'Paste into an editable column (title, externalId, …): this one is read-only.')
    return
  }
  const pasted = parseTsv(text)
  const single = pasted.length === 1 && pasted[0]?.length === 1
  // One cell onto a range fills the range; a block goes from the active cell down.
  const count = single ? rangeRows(range) : Math.max(pasted.length, rangeRows(range))
  const rowIds = ids.slice(range.rowStart, range.rowStart + count)
  const outcome = await runEdit('Could not paste', () => api.pasteCells({ rowIds, fields, text }))
  if (outcome && (outcome.rowsLeftOver > 0 || outcome.columnsLeftOver > 0)) {
    const parts = [
      outcome.rowsLeftOver > 0 ? `${outcome.rowsLeftOver} row(s) below the last row` : '',
      outcome.columnsLeftOver > 0 ? `${outcome.columnsLeftOver} column(s) past the last editable column` : '',
    ].filter(Boolean)
    useAppStore
      .getState()
      .reportError('paste-partial', `Pasted what fits; ${parts.join(' and ')} did not fit and were left out.`)
  }
}
