/**
 * The session journal's records: one per state change, applied in order on top of the last
 * snapshot. A changed row is journaled as the fields that changed, not the whole row, so upload
 * progress on a 50,000-row session appends bytes, not megabytes. Pure.
 */
import { z } from 'zod'
import type { Row, RowChange } from '../../model/row'
import { isRowShape, withoutStrayFields, type RowCandidate } from '../../../../src-shared/rows/row-shape'
import { rowChangeSchema, rowSchema } from './row-schema'

/** Session-wide facts kept with the rows. Never a secret: only names and URLs. */
export interface SessionMeta {
  createdAt: string
  /** The profile the session imports with; reopening with another library would break "once". */
  profile?: { name: string; livingdocsUrl: string }
  /** The paths the session was started with (the CLI continues with them). */
  roots?: string[]
  /** The name the editor gave the session; absent: it is named after its folders. */
  name?: string
}

export type SessionRecord =
  | { t: 'upsert'; rows: Row[] }
  | { t: 'set'; id: string; set: RowChange; unset?: string[] }
  | { t: 'remove'; ids: string[] }
  | { t: 'meta'; meta: SessionMeta }

/** A record as written: numbered, so a replay skips what the snapshot already holds. */
export type JournalLine = SessionRecord & { seq: number }

export const metaSchema = z.looseObject({
  createdAt: z.string(),
  profile: z.looseObject({ name: z.string(), livingdocsUrl: z.string() }).optional(),
  roots: z.array(z.string()).optional(),
  name: z.string().optional(),
})

const seq = z.int().nonnegative()

const lineSchema = z.discriminatedUnion('t', [
  z.strictObject({ seq, t: z.literal('upsert'), rows: z.array(rowSchema) }),
  z.strictObject({
    seq,
    t: z.literal('set'),
    id: z.string().min(1),
    set: rowChangeSchema,
    unset: z.array(z.string()).optional(),
  }),
  z.strictObject({ seq, t: z.literal('remove'), ids: z.array(z.string()) }),
  z.strictObject({ seq, t: z.literal('meta'), meta: metaSchema }),
])

/** The line's record, or undefined when it is not valid JSON of a known record (a torn write). */
export function parseLine(line: string): JournalLine | undefined {
  let raw: unknown
  try {
    raw = JSON.parse(line)
  } catch {
    return undefined
  }
  const parsed = lineSchema.safeParse(raw)
  return parsed.success ? (parsed.data as JournalLine) : undefined
}

/** The fields of `next` that differ from `prev` (by reference: rows are replaced, never mutated). */
export function rowChange(prev: Row, next: Row): SessionRecord | undefined {
  const set: Record<string, unknown> = {}
  const unset: string[] = []
  for (const key of Object.keys(next) as (keyof Row)[]) {
    if (key === 'rowId' || next[key] === prev[key]) continue
    if (next[key] === undefined) {
      if (prev[key] !== undefined) unset.push(key)
    } else set[key] = next[key]
  }
  for (const key of Object.keys(prev) as (keyof Row)[]) {
    if (!(key in next) && prev[key] !== undefined) unset.push(key)
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return undefined
  return { t: 'set', id: next.rowId, set: set as RowChange, ...(unset.length > 0 ? { unset } : {}) }
}

export interface ReplayState {
  rows: Map<string, Row>
  meta: SessionMeta
}

/**
 * Applies one record; false when it cannot be: a change that leaves its row no `Row` of its status
 * (`imported` without `result`) is a damaged line, counted and skipped like a torn one, and the
 * row stays as it was. A change to a row that is gone is ignored (it was removed after).
 */
export function applyRecord(state: ReplayState, record: SessionRecord): boolean {
  switch (record.t) {
    case 'upsert':
      for (const row of record.rows) state.rows.set(row.rowId, row)
      return true
    case 'set': {
      const current = state.rows.get(record.id)
      if (!current) return true
      const next: RowCandidate = { ...current, ...record.set, rowId: current.rowId }
      for (const key of record.unset ?? []) delete (next as unknown as Record<string, unknown>)[key]
      const row = withoutStrayFields(next)
      if (!isRowShape(row)) return false
      state.rows.set(record.id, row)
      return true
    }
    case 'remove':
      for (const id of record.ids) state.rows.delete(id)
      return true
    case 'meta':
      state.meta = record.meta
      return true
  }
}
