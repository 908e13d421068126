/**
 * Writing CSV that Excel, LibreOffice and Google Sheets open safely: every CSV the app or the CLI
 * writes goes through `csvRecord`. A cell starting with `=`, `+`, `-`, `@`, tab or CR is taken as a
 * formula by spreadsheets, so a file named `=HYPERLINK("http://evil","Open")` or a server message
 * could run or leak data when the editor opens the export (issue #15). Such a cell gets a leading
 * `'`, OWASP's rule (https://owasp.org/www-community/attacks/CSV_Injection): the spreadsheet shows it
 * as text, apostrophe included. Plain numbers (`-5`, `+3.25`) are no formula and stay as they are,
 * so they remain numbers. Then RFC 4180 quoting. Pure.
 */

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/

/** The value as a spreadsheet shows text: a formula-like start gets a leading `'`. */
export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

/** One field: made spreadsheet-safe, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const text = spreadsheetText(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, without its line end (CSV files end records with CRLF, as Excel writes them). */
export function csvRecord(values: readonly string[]): string {
  return values.map(csvField).join(',')
}
