/** The human-readable scan output: fixed columns so rows line up while they stream in. */
import type { ScanRecord } from './scan-record'
import { terminalText } from './terminal-text'

const units = ['B', 'kB', 'MB', 'GB', 'TB']

/** Decimal units, as file managers show them: 1 kB = 1000 B. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

// At least one space after a column, so a long MIME type never runs into the path.
const pad = (text: string, width: number): string =>
  text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length)
const padStart = (text: string, width: number): string =>
  text.length >= width ? text : ' '.repeat(width - text.length) + text

export const scanTableHeader = `${pad('STATUS', 8)}${padStart('SIZE', 9)}  ${pad('KIND', 6)}${pad('TYPE', 22)}PATH`

export function scanTableRow(record: ScanRecord): string {
  const reason = record.reason ? `  (${record.reason})` : ''
  // The whole row is one line: names and reasons come from the disk and may hold anything.
  return terminalText(
    `${pad(record.status, 8)}${padStart(formatBytes(record.size), 9)}  ${pad(record.kind ?? '-', 6)}` +
      `${pad(record.mimeType ?? '-', 22)}${record.relativePath}${reason}`,
  )
}
