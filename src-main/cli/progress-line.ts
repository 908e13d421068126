/**
 * The one-line progress an import shows on a terminal (stderr, TTY only): what phase it is in,
 * files found and read, bytes uploaded with speed and time left, entries imported. Pure.
 */
import { formatBytes } from './scan-table'
import { terminalText } from './terminal-text'

export interface RunProgress {
  phase: 'scanning' | 'uploading' | 'importing'
  files: number
  probed: number
  uploadedFiles: number
  uploadFiles: number
  bytesSent: number
  bytesTotal: number
  bytesPerSecond: number
  etaSeconds?: number
  imported: number
  toImport: number
}

const BAR = 20

function bar(done: number, total: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 0
  const filled = Math.round(share * BAR)
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

export function progressLine(p: RunProgress, columns = 100): string {
  const bytes = `${formatBytes(p.bytesSent)} of ${formatBytes(p.bytesTotal)}`
  const speed = p.bytesPerSecond > 0 ? `  ${formatBytes(p.bytesPerSecond)}/s` : ''
  const eta = p.etaSeconds !== undefined && p.bytesSent < p.bytesTotal ? `  ${duration(p.etaSeconds)} left` : ''
  let line: string
  switch (p.phase) {
    case 'scanning':
      line = `Reading    ${p.files} files found, ${p.probed} read; uploading ${bytes}${speed}`
      break
    case 'uploading':
      line = `Uploading  ${bar(p.bytesSent, p.bytesTotal)}  ${bytes}${speed}${eta}  (${p.uploadedFiles}/${p.uploadFiles} files)`
      break
    case 'importing':
      line = `Importing  ${bar(p.imported, p.toImport)}  ${p.imported}/${p.toImport} entries`
      break
  }
  // Only numbers today; kept safe should a name ever join the line.
  line = terminalText(line)
  return line.length >= columns ? `${line.slice(0, Math.max(0, columns - 2))}…` : line
}
