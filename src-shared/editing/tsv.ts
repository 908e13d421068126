/**
 * Tab-separated text as Excel and Google Sheets put it on the clipboard: rows end with \r\n or
 * \n, cells are split by tabs, and a cell holding a line break, tab or quote is quoted with `"`
 * (a quote inside doubled). The trailing line break Excel adds is no extra row. Pure and free of
 * Node imports: the renderer copies ranges out with `toTsv`.
 *
 * A spreadsheet evaluates pasted text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR), so
 * `toTsv` writes such a cell with a leading `'`, as the CSV export does (core/csv/csv-write.ts),
 * and `parseTsv` takes that `'` off again, so a copy and paste inside the grid changes nothing. A
 * cell already starting with `'` before a formula start gets one more, so the way back is exact.
 */
import { spreadsheetText } from '../csv/csv-write'

/** True when the text after any leading apostrophes starts like a formula. */
function formulaAfterApostrophes(cell: string): boolean {
  const rest = cell.replace(/^'+/, '')
  return spreadsheetText(rest) !== rest
}

/** What `toTsv` puts on the clipboard for a cell (before quoting). */
function guarded(cell: string): string {
  return formulaAfterApostrophes(cell) ? `'${cell}` : cell
}

/** The cell `guarded` wrote. A cell from Excel showing `'=x` (rare) also loses its `'`. */
function unguarded(cell: string): string {
  return cell.startsWith("'") && formulaAfterApostrophes(cell) ? cell.slice(1) : cell
}

export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const endCell = (): void => {
    row.push(unguarded(cell))
    cell = ''
  }
  const endRow = (): void => {
    endCell()
    rows.push(row)
    row = []
  }
  while (i < text.length) {
    const ch = text[i] as string
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the closing quote that is not doubled.
      const close = quotedEnd(text, i + 1)
      if (close !== -1) {
        cell = text.slice(i + 1, close).replaceAll('""', '"')
        i = close + 1
        continue
      }
    }
    if (ch === '\t') endCell()
    else if (ch === '\n') endRow()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow()
      i++
    } else cell += ch
    i++
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

/** Index of the quote closing a quoted cell that starts at `from`, or -1 when it is not a quoted cell. */
function quotedEnd(text: string, from: number): number {
  let i = from
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2
        continue
      }
      const next = text[i + 1]
      // Only a quote followed by a cell or row end closes; otherwise the quote was part of plain text.
      return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1
    }
    i++
  }
  return -1
}

const needsQuotes = /[\t\n\r"]/

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((cells) =>
      cells
        .map(guarded)
        .map((c) => (needsQuotes.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
        .join('\t'),
    )
    .join('\n')
}
