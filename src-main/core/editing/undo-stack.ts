/**
 * Undo and redo over cell changes, kept in main beside the rows (ARCHITECTURE.md, "Processes: main owns the session"): the grid's sort
 * and filter are views and never touch it, and a renderer reload does not lose it. Each step is
 * one editor action (a typed cell, a paste, a bulk set), undone as a whole. Bounded, so a long
 * day of 50,000-row bulk sets does not grow without end: the oldest steps go first.
 */
import type { HistoryState } from '../model/session-shapes'

export interface CellChange {
  rowId: string
  field: string
  before: unknown
  after: unknown
}

export interface EditStep {
  label: string
  changes: CellChange[]
}

export interface UndoLimits {
  steps: number
  /** Cell changes kept across all steps. */
  cells: number
}

const DEFAULT_LIMITS: UndoLimits = { steps: 200, cells: 2_000_000 }

export class UndoStack {
  private readonly done: EditStep[] = []
  private readonly undone: EditStep[] = []

  constructor(private readonly limits: UndoLimits = DEFAULT_LIMITS) {}

  /** A new action: what was undone can no longer be redone. */
  record(step: EditStep): void {
    if (step.changes.length === 0) return
    this.undone.length = 0
    this.pushDone(step)
  }

  takeUndo(): EditStep | undefined {
    return this.done.pop()
  }

  /** The step as undo applied it (cells that refused are left out), ready to be redone. */
  undoApplied(step: EditStep): void {
    if (step.changes.length > 0) this.undone.push(step)
  }

  takeRedo(): EditStep | undefined {
    return this.undone.pop()
  }

  redoApplied(step: EditStep): void {
    if (step.changes.length > 0) this.pushDone(step)
  }

  clear(): void {
    this.done.length = 0
    this.undone.length = 0
  }

  state(): HistoryState {
    const undo = this.done.at(-1)
    const redo = this.undone.at(-1)
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      ...(undo ? { undoLabel: undo.label } : {}),
      ...(redo ? { redoLabel: redo.label } : {}),
    }
  }

  private pushDone(step: EditStep): void {
    this.done.push(step)
    let cells = this.done.reduce((n, s) => n + s.changes.length, 0)
    while (this.done.length > 1 && (this.done.length > this.limits.steps || cells > this.limits.cells)) {
      cells -= this.done.shift()?.changes.length ?? 0
    }
  }
}
