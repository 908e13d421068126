/** How row facts read in the grid. Pure, so the wording is tested, not eyeballed. */
import { rowState, WAY_OUT_LABELS, type RowState, type RowStateOptions } from '../../src-shared/rows/row-state'
import type { MediaKind, Row, RowStatus } from '../../src-main/contract'

const UNITS = ['kB', 'MB', 'GB', 'TB'] as const

/** Decimal units, as the file managers editors use (Finder, Files, Explorer's "size on disk" aside). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1000) return `${bytes} B`
  let value = bytes
  let unit: string = 'B'
  for (const next of UNITS) {
    // 999.5 kB would round to "1000 kB"; it reads better as the next unit up.
    if (value < 999.5) break
    value /= 1000
    unit = next
  }
  // One decimal below 10 ("2.5 MB"), whole numbers above ("345 kB"), as Finder shows them.
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  return `${rounded} ${unit}`
}

/** The Status column: the row's state as core words it for the grid, the counts and the CLI alike. */
export function formatStatus(row: Row, options?: RowStateOptions): string {
  return rowState(row, options).label
}

function detailText(state: RowState): string | undefined {
  if (!state.detail) return undefined
  if (state.kind === 'imported' || state.kind === 'in-library') return `Media id ${state.detail}.`
  // A conflict's reason names the entry; the submit's "Gave up after 6 attempt(s)" says the tries.
  if (state.kind === 'conflict' || /gave up after/i.test(state.reason ?? '')) return undefined
  return `(${state.detail})`
}

/** The Status cell's tooltip: the cause in full, the fact beside it, and what the editor can do. */
export function statusTooltip(row: Row): string | undefined {
  const state = rowState(row)
  const ways = state.waysOut.map((w) => WAY_OUT_LABELS[w])
  const parts = [state.reason, detailText(state), ways.length > 0 ? `What to do: ${ways.join(', or ')}.` : undefined]
  return parts.filter(Boolean).join(' ') || undefined
}

const KIND_LABELS: Record<MediaKind, string> = { image: 'Image', video: 'Video', file: 'File' }

/** Kind is known once the bytes were read; a file that could not be read never gets one. */
export function formatKind(kind: MediaKind | undefined, status: RowStatus): string {
  if (kind) return KIND_LABELS[kind]
  return status === 'scanned' ? 'Not detected yet' : 'Unknown'
}
