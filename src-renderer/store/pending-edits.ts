/**
 * Typed values shown before main has answered. Edits stay commands to main (ARCHITECTURE.md, "Processes: main owns the session"), but
 * an editor who presses Enter must see the value in the next frame, not after a round trip: the
 * cell shows the pending value until main's answer and patch settle it. Main has the last word:
 * a refused cell falls back to main's value and keeps the reason until it is edited again.
 * Rows map to their own small records, so a pending edit re-renders its one row. Pure.
 */
import type { CellValue, Row } from '../../src-main/contract'

export interface PendingCell {
  value: CellValue
  /** Tells a later edit of the same cell from this one (the later one wins). */
  seq: number
  /** The mirror's row when the edit was typed: a different row object means main's patch came. */
  base: Row | undefined
  /** Main answered and took it; the entry goes with the row's next patch. */
  settled: boolean
}

export interface PendingEdits {
  /** rowId -> field -> pending value. */
  cells: ReadonlyMap<string, Readonly<Record<string, PendingCell>>>
  /** rowId -> field -> why main refused the last edit of that cell. */
  refusals: ReadonlyMap<string, Readonly<Record<string, string>>>
}

export const noPendingEdits: PendingEdits = { cells: new Map(), refusals: new Map() }

/** What main said about one command's cells. */
export interface CellAnswer {
  /** Cells main refused, with why. */
  refused: ReadonlyArray<{ rowId: string; field: string; message: string }>
  /** False when main changed nothing (no patch will come). */
  changed: boolean
}

function withRecord<T>(
  map: ReadonlyMap<string, Readonly<Record<string, T>>>,
  rowId: string,
  field: string,
  value: T | undefined,
): ReadonlyMap<string, Readonly<Record<string, T>>> {
  const record: Record<string, T> = { ...map.get(rowId) }
  if (value === undefined) delete record[field]
  else record[field] = value
  const next = new Map(map)
  if (Object.keys(record).length === 0) next.delete(rowId)
  else next.set(rowId, record)
  return next
}

export function addPending(
  state: PendingEdits,
  rowId: string,
  field: string,
  value: CellValue,
  seq: number,
  base: Row | undefined,
): PendingEdits {
  const refusals = state.refusals.get(rowId)?.[field]
    ? withRecord(state.refusals, rowId, field, undefined)
    : state.refusals
  return { cells: withRecord(state.cells, rowId, field, { value, seq, base, settled: false }), refusals }
}

/**
 * Main answered the command that carried these cells. Refused cells and cells whose patch has
 * already come drop their pending value; the others wait for their row's patch.
 */
export function answerPending(
  state: PendingEdits,
  sent: ReadonlyArray<{ rowId: string; field: string; seq: number }>,
  answer: CellAnswer | undefined,
  rowNow: (rowId: string) => Row | undefined,
): PendingEdits {
  let { cells, refusals } = state
  for (const { rowId, field, seq } of sent) {
    const entry = cells.get(rowId)?.[field]
    const refusal = answer?.refused.find((r) => r.rowId === rowId && r.field === field)
    if (refusal) refusals = withRecord(refusals, rowId, field, refusal.message)
    // A later edit of the same cell is in flight: it keeps the cell.
    if (!entry || entry.seq !== seq) continue
    if (!answer || refusal || !answer.changed || rowNow(rowId) !== entry.base)
      cells = withRecord(cells, rowId, field, undefined)
    else cells = withRecord(cells, rowId, field, { ...entry, settled: true })
  }
  return cells === state.cells && refusals === state.refusals ? state : { cells, refusals }
}

/** A patch brought these rows (or removed them): their settled cells now show main's values. */
export function patchPending(state: PendingEdits, upserted: readonly Row[], removed: readonly string[]): PendingEdits {
  if (state.cells.size === 0 && state.refusals.size === 0) return state
  let { cells, refusals } = state
  for (const rowId of removed) {
    if (cells.has(rowId)) cells = new Map([...cells].filter(([id]) => id !== rowId))
    if (refusals.has(rowId)) refusals = new Map([...refusals].filter(([id]) => id !== rowId))
  }
  for (const row of upserted) {
    const record = cells.get(row.rowId)
    if (!record) continue
    for (const [field, entry] of Object.entries(record))
      if (entry.settled) cells = withRecord(cells, row.rowId, field, undefined)
  }
  return cells === state.cells && refusals === state.refusals ? state : { cells, refusals }
}
