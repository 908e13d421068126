/**
 * Tab-separated text as Excel and Google Sheets put it on the clipboard: rows end with \r\n or
 * \n, cells are split by tabs, and a cell holding a line break, tab or quote is quoted with `"`
 * (a quote inside doubled). The trailing line break Excel adds is no extra row. Pure and free of
 * Node imports: the renderer copies ranges out with `toTsv`.
 */

export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const endCell = (): void => {
    row.push(cell)
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
    .map((cells) => cells.map((c) => (needsQuotes.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join('\t'))
    .join('\n')
}
