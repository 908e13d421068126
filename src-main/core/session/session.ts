/**
 * The import session as main holds it: rows by id, and listeners that receive patches.
 * Patches are coalesced and flushed at most every `flushMs`, so a 50,000-file drop sends a
 * few dozen messages to the renderer instead of 50,000.
 */
import { randomUUID } from 'node:crypto'
import type { SessionPatch, SessionSnapshot } from '../../contract'
import type { Row } from './row'

export type PatchListener = (patch: SessionPatch) => void

export class Session {
  readonly sessionId: string
  private readonly rows = new Map<string, Row>()
  private readonly listeners = new Set<PatchListener>()
  private pendingUpsert = new Map<string, Row>()
  private pendingRemove = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private readonly flushMs: number

  constructor(options: { sessionId?: string; flushMs?: number } = {}) {
    this.sessionId = options.sessionId ?? randomUUID()
    this.flushMs = options.flushMs ?? 100
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

  upsertRows(rows: readonly Row[]): void {
    for (const row of rows) {
      this.rows.set(row.rowId, row)
      this.pendingUpsert.set(row.rowId, row)
      this.pendingRemove.delete(row.rowId)
    }
    this.scheduleFlush()
  }

  /** Applies a change to one row; returns the new row, or undefined if it does not exist. */
  updateRow(rowId: string, change: Partial<Omit<Row, 'rowId'>>): Row | undefined {
    const current = this.rows.get(rowId)
    if (!current) return undefined
    const next = { ...current, ...change }
    this.upsertRows([next])
    return next
  }

  removeRows(rowIds: readonly string[]): number {
    let removed = 0
    for (const id of rowIds) {
      if (!this.rows.delete(id)) continue
      removed++
      this.pendingUpsert.delete(id)
      this.pendingRemove.add(id)
    }
    this.scheduleFlush()
    return removed
  }

  clear(): number {
    return this.removeRows([...this.rows.keys()])
  }

  onPatch(listener: PatchListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
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

  private scheduleFlush(): void {
    if (this.timer) return
    this.timer = setTimeout(() => this.flush(), this.flushMs)
  }
}
