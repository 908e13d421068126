/**
 * What the probe found about a row that the grid shows beside its file name and value cells:
 * warnings (an extension that disagrees with the bytes…), the byte-identical twin, the probe's
 * error, a title that fell back to the file name, a video's duration. Pure, so the wording is tested.
 */
import type { Row } from '../../../src-main/contract'

export interface RowNote {
  kind: 'error' | 'warning' | 'duplicate'
  /** Short text on the mark. */
  label: string
  /** The whole message: hover text and accessible name. */
  text: string
}

/** `twinPath` is the relative path of the row `duplicateOf` names, when the grid has it. */
export function rowNotes(row: Row, twinPath: string | undefined): RowNote[] {
  const notes: RowNote[] = []
  if (row.probeError) {
    notes.push({ kind: 'error', label: 'Error', text: `Cannot be imported as it is: ${row.probeError.message}` })
  }
  const warnings = row.warnings ?? []
  if (warnings.length > 0) {
    notes.push({
      kind: 'warning',
      label: warnings.length === 1 ? 'Warning' : `${warnings.length} warnings`,
      text: warnings.map((w) => `Warning: ${w.message}`).join('\n'),
    })
  }
  if (row.duplicateOf) {
    notes.push({
      kind: 'duplicate',
      label: 'Duplicate',
      text: `Duplicate: byte-identical to ${twinPath ?? 'another file in this import'}`,
    })
  }
  return notes
}

export const hasRowNotes = (row: Row): boolean =>
  row.probeError !== undefined || (row.warnings?.length ?? 0) > 0 || row.duplicateOf !== undefined

/** True while a metadata cell still holds the value that fell back to the file name. */
export function isFallbackValue(row: Row, handle: string | undefined, value: unknown): boolean {
  if (!handle || !row.prefill?.fallback.includes(handle)) return false
  return value !== undefined && value !== '' && value === row.prefill.metadata[handle]
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b))

/**
 * Where a prefilled metadata value came from, for the cell's tooltip ("From XMP
 * photoshop:Headline, shortened from 250 characters"), while the cell still holds that value.
 * `field` is the column's path: only `metadata.<handle>` was prefilled, not translations.
 */
export function prefillNote(row: Row, field: string | undefined, value: unknown): string | undefined {
  if (!field?.startsWith('metadata.') || !row.prefill) return undefined
  const handle = field.slice('metadata.'.length)
  const source = row.prefill.sources[handle]
  if (!source || value === undefined || !sameValue(value, row.prefill.metadata[handle])) return undefined
  const from =
    source.from === 'file-name'
      ? 'From the file name'
      : source.origin
        ? `From ${source.origin} (mapping "${source.field}")`
        : `From the file's "${source.field}"`
  const cut = source.shortenedFrom
  return cut === undefined ? `${from}.` : `${from}, shortened from ${cut.toLocaleString('en')} characters to fit.`
}

/** While a cell holds the value "Shorten" left in it (core/editing/shorten-values.ts): from what length. */
export function shortenedNote(row: Row, field: string | undefined, value: unknown): string | undefined {
  const mark = field ? row.shortened?.[field] : undefined
  return mark && value === mark.value
    ? `Shortened from ${mark.from.toLocaleString('en')} characters to fit.`
    : undefined
}

/** True while a cell holds a value shortened to fit, by the prefill or by "Shorten" (the cell marks it). */
export function isShortenedValue(row: Row, field: string | undefined, value: unknown): boolean {
  if (shortenedNote(row, field, value)) return true
  if (!field?.startsWith('metadata.') || !row.prefill) return false
  const handle = field.slice('metadata.'.length)
  return row.prefill.sources[handle]?.shortenedFrom !== undefined && sameValue(value, row.prefill.metadata[handle])
}

/** "0:07", "1:02:03"; seconds as players show them (rounded down, never "0:00" for a real clip). */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return ''
  const whole = seconds > 0 && seconds < 1 ? 1 : Math.floor(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
