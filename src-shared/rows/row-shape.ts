/**
 * The `Row` union's rules at run time (src-main/core/model/row.ts declares them): which fields each status
 * requires, and which fields only their own status may hold. A change that moves a row drops the
 * fields its old status owned and the new one cannot hold (a conflict that left `conflict` no
 * longer carries it); a row still missing a field its status requires, or carrying one it cannot
 * hold, is not a `Row` and is refused (`core/session/session.ts` `updateRow`) or read as damaged (`core/session/persistence/`).
 * Pure.
 */
import type { AnyRowFields, Row, RowStatus } from '../../src-main/core/model/row'

type Field = keyof AnyRowFields

/** What each status requires besides the identity every row has. */
export const REQUIRED: Readonly<Record<RowStatus, readonly Field[]>> = {
  scanned: [],
  skipped: ['reason'],
  unreadable: ['reason'],
  probed: [],
  uploading: ['upload'],
  uploaded: ['upload'],
  'upload-failed': ['upload'],
  submitting: ['upload'],
  rejected: [],
  // Absent once the editor changed the value it was about (ConflictRow, model/row.ts).
  conflict: [],
  'in-library': ['inLibrary'],
  imported: ['result'],
}

/** Fields a status owns: absent from every status not listed. */
export const OWNED: Readonly<Partial<Record<Field, readonly RowStatus[]>>> = {
  reason: ['skipped', 'unreadable'],
  conflict: ['conflict'],
  inLibrary: ['in-library'],
  result: ['imported'],
  update: ['imported'],
}

const OWNED_FIELDS = Object.keys(OWNED) as Field[]

/** A row of any shape, as a change or a file may make it: the identity plus any fields. */
export type RowCandidate = AnyRowFields & Pick<Row, 'rowId' | 'path' | 'relativePath' | 'size' | 'mtimeMs' | 'status'>

/** Why `row` is not a `Row` of its status, in words for the log, or undefined when it is one. */
export function shapeProblem(row: RowCandidate): string | undefined {
  const missing = REQUIRED[row.status].find((field) => row[field] === undefined)
  if (missing) return `a row in state "${row.status}" needs "${missing}"`
  const stray = OWNED_FIELDS.find((field) => row[field] !== undefined && !OWNED[field]?.includes(row.status))
  if (stray) return `a row in state "${row.status}" cannot hold "${stray}"`
  return undefined
}

export function isRowShape(row: RowCandidate): row is Row {
  return shapeProblem(row) === undefined
}

/** `row` as a `Row`, or an error naming what its status lacks (fixtures and tools that build rows). */
export function toRow(row: RowCandidate): Row {
  if (isRowShape(row)) return row
  throw new Error(`${row.relativePath}: ${shapeProblem(row)}`)
}

/**
 * `row` without the status-owned fields `status` cannot hold: what a row keeps when it moves to
 * `status`, or what a file from an older version that left a stale field on a row is read as.
 * The same object when there is nothing to drop.
 */
export function withoutStrayFields<R extends RowCandidate>(row: R, status: RowStatus = row.status): R {
  const stray = OWNED_FIELDS.filter((field) => field in row && !OWNED[field]?.includes(status))
  if (stray.length === 0) return row
  const clean = { ...row }
  for (const field of stray) delete clean[field]
  return clean
}
