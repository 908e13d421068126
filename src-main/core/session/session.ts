/**
 * The import session as main holds it: rows by id, and listeners that receive patches.
 * Patches are coalesced and flushed at most every `flushMs`, so a 50,000-file drop sends a
 * few dozen messages to the renderer instead of 50,000.
 * With a journal attached (persistence/open-session.ts) every change is also recorded, at the
 * moment it is made, so the session on disk never lags behind what the editor saw.
 */
import { randomUUID } from 'node:crypto'
import type { SessionPatch, SessionSnapshot } from '../model/session-shapes'
import type { SessionRecord } from './persistence/journal-records'
import { rowChange } from './persistence/journal-records'
import type { Row, RowChange } from '../model/row'
import { isRowShape, shapeProblem, withoutStrayFields, type RowCandidate } from '../../../src-shared/rows/row-shape'

export type PatchListener = (patch: SessionPatch) => void
/** Called synchronously after rows changed, with the rows as stored. */
export type RowsListener = (rows: readonly Row[]) => void
/** A change `updateRow` refused: it would have left the row no `Row` of its status. */
export interface RefusedChange {
  rowId: string
  path: string
  /** Plain words for the log: what the row's status needs or cannot hold. */
  problem: string
}
/** Completes a row before it is stored (e.g. its entry); must be idempotent. */
export type RowShaper = (row: Row, previous: Row | undefined) => Row

/** Where changes are recorded (the session store); absent for a session kept in memory only. */
export interface ChangeJournal {
  append(record: SessionRecord): void
  durable(): Promise<void>
}

export interface SessionOptions {
  sessionId?: string
  flushMs?: number
  /** Rows the session starts with (a reopened session); not journaled again. */
  rows?: readonly Row[]
}

export class Session {
  readonly sessionId: string
  private readonly rows = new Map<string, Row>()
  private readonly listeners = new Set<PatchListener>()
  private readonly rowListeners = new Set<RowsListener>()
  private readonly refusedListeners = new Set<(refused: RefusedChange) => void>()
  private pendingUpsert = new Map<string, Row>()
  private pendingRemove = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private readonly flushMs: number
  private journal: ChangeJournal | undefined
  private shaper: RowShaper | undefined

  constructor(options: SessionOptions = {}) {
    this.sessionId = options.sessionId ?? randomUUID()
    this.flushMs = options.flushMs ?? 100
    for (const row of options.rows ?? []) this.rows.set(row.rowId, row)
  }

  snapshot(): SessionSnapshot {
    return { sessionId: this.sessionId, rows: [...this.rows.values()] }
  }

  get size(): number {
    return this.rows.size
  }

  getRow(rowId: string): Row | undefined {
    return this.rows.get(rowId)
  }

  /** Records every later change (open-session.ts attaches the session store). */
  attachJournal(journal: ChangeJournal): void {
    this.journal = journal
  }

  setShaper(shaper: RowShaper | undefined): void {
    this.shaper = shaper
  }

  /** Resolves once every change so far is on disk (at once without a journal). */
  persisted(): Promise<void> {
    return this.journal?.durable() ?? Promise.resolve()
  }

  upsertRows(rows: readonly Row[]): void {
    const stored = rows.map((row) => this.shape(row, this.rows.get(row.rowId)))
    for (const row of stored) this.store(row)
    if (stored.length > 0) this.journal?.append({ t: 'upsert', rows: stored })
    this.scheduleFlush()
    this.notify(stored)
  }

  /**
   * Applies a change to one row; returns the new row, or undefined if it does not exist. A change
   * that moves the row drops what its old status owned (row-shape.ts); a change that would leave
   * the row without a field its status needs, or with one it cannot hold, is refused and logged:
   * the row stays as it was.
   */
  updateRow(rowId: string, change: RowChange): Row | undefined {
    const current = this.rows.get(rowId)
    if (!current) return undefined
    const status = change.status ?? current.status
    const merged: RowCandidate = { ...withoutStrayFields(current, status), ...change, rowId }
    if (!isRowShape(merged)) {
      this.refuse({ rowId, path: current.relativePath, problem: `${shapeProblem(merged)}; the row stays as it was` })
      return current
    }
    const next = this.shape(merged, current)
    const record = rowChange(current, next)
    if (!record) return current
    this.store(next)
    this.journal?.append(record)
    this.scheduleFlush()
    this.notify([next])
    return next
  }

  removeRows(rowIds: readonly string[]): number {
    const removed: string[] = []
    for (const id of rowIds) {
      if (!this.rows.delete(id)) continue
      removed.push(id)
      this.pendingUpsert.delete(id)
      this.pendingRemove.add(id)
    }
    if (removed.length > 0) this.journal?.append({ t: 'remove', ids: removed })
    this.scheduleFlush()
    return removed.length
  }

  clear(): number {
    return this.removeRows([...this.rows.keys()])
  }

  onPatch(listener: PatchListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onRows(listener: RowsListener): () => void {
    this.rowListeners.add(listener)
    return () => this.rowListeners.delete(listener)
  }

  /** Hears every change `updateRow` refuses until the returned function is called (the import log). */
  onRefusedChange(listener: (refused: RefusedChange) => void): () => void {
    this.refusedListeners.add(listener)
    return () => this.refusedListeners.delete(listener)
  }

  /** Sends whatever is pending now (tests and shutdown use this). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.pendingUpsert.size === 0 && this.pendingRemove.size === 0) return
    const patch: SessionPatch = { upsert: [...this.pendingUpsert.values()], remove: [...this.pendingRemove] }
    this.pendingUpsert = new Map()
    this.pendingRemove = new Set()
    for (const listener of this.listeners) listener(patch)
  }

  private shape(row: Row, previous: Row | undefined): Row {
    return this.shaper ? this.shaper(row, previous) : row
  }

  private store(row: Row): void {
    this.rows.set(row.rowId, row)
    this.pendingUpsert.set(row.rowId, row)
    this.pendingRemove.delete(row.rowId)
  }

  private refuse(refused: RefusedChange): void {
    // Nobody listening (a test, a tool): the refusal still reaches the console rather than nowhere.
    if (this.refusedListeners.size === 0) console.warn(`${refused.path}: a change was refused, ${refused.problem}.`)
    for (const listener of this.refusedListeners) listener(refused)
  }

  private notify(rows: readonly Row[]): void {
    if (rows.length === 0) return
    for (const listener of this.rowListeners) listener(rows)
  }

  private scheduleFlush(): void {
    if (this.timer) return
    this.timer = setTimeout(() => this.flush(), this.flushMs)
  }
}
