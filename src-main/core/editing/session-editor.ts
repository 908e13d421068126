/**
 * The grid's edits over the session (ARCHITECTURE.md, "Processes: main owns the session": an edit is a command to main). Each action is
 * planned (parsed, checked against the edit rules), applied row by row, recorded as one undo
 * step, and sent to the renderer at once as a patch of the rows it changed. Validation follows
 * by itself (RowValidator listens to the same rows); the server's complaint about a field goes
 * away when the editor edits that field.
 */
import type { ProjectModel } from '../model/livingdocs'
import type { FieldIssue, Row } from '../model/row'
import type { Session } from '../session/session'
import { cellRefusal } from '../../../src-shared/editing/edit-rules'
import { issueCoversField, parseField, readField, writeField } from '../../../src-shared/editing/field-path'
import { planFindReplace, type FindOptions } from './find-replace'
import type { EditOutcome, FindOutcome, PasteOutcome } from './edit-outcome'
import type { CellWrite, Plan, PlanContext, RefusedCell } from './plan'
import {
  planBulk,
  planCells,
  planFillDown,
  planPaste,
  type BulkMode,
  type CellEdit,
  type CellValue,
} from './plan-edits'
import type { HistoryState } from '../model/session-shapes'
import { UndoStack, type CellChange, type EditStep } from './undo-stack'

export type { EditOutcome, FindOutcome, PasteOutcome } from './edit-outcome'

const REFUSALS_SHOWN = 100
const plural = (n: number, one: string): string => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`

/**
 * Fields kept on the row beside its entry (a file per language, `translations.fr.asset`): their
 * own commands change them, and they join the same undo history through `recordSideStep`.
 */
export interface SideFields {
  owns(field: string): boolean
  read(row: Row, field: string): unknown
  /** Why the value cannot be written to this row now; undefined when it can. */
  refusal(row: Row, field: string): string | undefined
  write(rowId: string, field: string, value: unknown): void
}

export class SessionEditor {
  private readonly history = new UndoStack()

  constructor(
    private readonly session: Session,
    private readonly project: () => ProjectModel | undefined,
    private readonly side?: SideFields,
  ) {}

  private get ctx(): PlanContext {
    return { project: this.project(), row: (rowId) => this.session.getRow(rowId) }
  }

  historyState(): HistoryState {
    return this.history.state()
  }

  editCells(edits: readonly CellEdit[]): EditOutcome {
    const plan = planCells(this.ctx, edits)
    const only = edits.length === 1 ? edits[0]?.field : undefined
    return this.commit(plan, only ? `edit of ${only}` : `edit of ${plural(edits.length, 'cell')}`)
  }

  bulkEdit(rowIds: readonly string[], field: string, mode: BulkMode, value: CellValue): EditOutcome {
    const plan = planBulk(this.ctx, rowIds, field, mode, value)
    return this.commit(plan, `${mode} ${field} on ${plural(rowIds.length, 'row')}`)
  }

  fillDown(rowIds: readonly string[], fields: readonly string[]): EditOutcome {
    return this.commit(planFillDown(this.ctx, rowIds, fields), `fill-down over ${plural(rowIds.length, 'row')}`)
  }

  paste(rowIds: readonly string[], fields: readonly string[], text: string): PasteOutcome {
    const plan = planPaste(this.ctx, rowIds, fields, text)
    const outcome = this.commit(plan, `paste of ${plural(plan.writes.length, 'cell')}`)
    return { ...outcome, rowsLeftOver: plan.rowsLeftOver, columnsLeftOver: plan.columnsLeftOver }
  }

  findReplace(
    rowIds: readonly string[],
    fields: readonly string[],
    options: FindOptions,
    preview: boolean,
  ): FindOutcome {
    const plan = planFindReplace(this.ctx, rowIds, fields, options)
    const { matches, cells, rows, samples } = plan
    const report = { matches, cells, rows, samples, refusedCount: plan.refused.length }
    if (preview) return report
    return {
      ...report,
      applied: this.commit(plan, `replace of "${options.find}" in ${plural(plan.writes.length, 'cell')}`),
    }
  }

  undo(): EditOutcome {
    const step = this.history.takeUndo()
    if (!step) return this.outcome([], [], undefined)
    const applied = this.replay(step, 'before')
    this.history.undoApplied(applied.step)
    return this.outcome(applied.step.changes, applied.refused, step.label)
  }

  redo(): EditOutcome {
    const step = this.history.takeRedo()
    if (!step) return this.outcome([], [], undefined)
    const applied = this.replay(step, 'after')
    this.history.redoApplied(applied.step)
    return this.outcome(applied.step.changes, applied.refused, step.label)
  }

  /** A change a side field's own command made, as one undoable step. */
  recordSideStep(label: string, changes: CellChange[]): void {
    this.history.record({ label, changes })
  }

  /** A plan made over the rows as they are now (a template's fields), applied as one step. */
  applyPlan(make: (ctx: PlanContext) => Plan, label: string): EditOutcome {
    return this.commit(make(this.ctx), label)
  }

  /** Applies a plan as one undoable step (the planners here, or a CSV import). */
  commit(plan: Plan, label: string): EditOutcome {
    const changes = this.write(plan.writes)
    this.history.record({ label, changes })
    return this.outcome(changes, plan.refused, label)
  }

  /** A step's values again, in either direction; cells whose row no longer takes edits are skipped. */
  private replay(step: EditStep, side: 'before' | 'after'): { step: EditStep; refused: RefusedCell[] } {
    const project = this.project()
    const writes: CellWrite[] = []
    const refused: RefusedCell[] = []
    const order = side === 'before' ? [...step.changes].reverse() : step.changes
    for (const change of order) {
      const row = this.session.getRow(change.rowId)
      const ref = parseField(change.field)
      const value = change[side]
      const why = !row
        ? 'This row is no longer in the session.'
        : this.side?.owns(change.field)
          ? this.side.refusal(row, change.field)
          : ref
            ? cellRefusal(project, row, ref, value)
            : 'Unknown field.'
      if (why) refused.push({ rowId: change.rowId, field: change.field, message: why })
      else writes.push({ rowId: change.rowId, field: change.field, value })
    }
    const changes = this.write(writes)
    // Undo wrote the old values in reverse: turned back, its changes are the step to redo.
    const kept = side === 'before' ? changes.reverse().map(swap) : changes
    return { step: { label: step.label, changes: kept }, refused }
  }

  /** Writes cells row by row (one row update per row); returns what changed, as before/after. */
  private write(writes: readonly CellWrite[]): CellChange[] {
    const byRow = new Map<string, CellWrite[]>()
    for (const w of writes) byRow.set(w.rowId, [...(byRow.get(w.rowId) ?? []), w])
    const changes: CellChange[] = []
    for (const [rowId, all] of byRow) {
      const row = this.session.getRow(rowId)
      if (!row?.entry) continue
      const side = this.side
      const rowWrites = side ? all.filter((w) => !side.owns(w.field)) : all
      for (const w of side ? all.filter((w) => side.owns(w.field)) : []) {
        changes.push({ rowId, field: w.field, before: side?.read(row, w.field), after: w.value })
        side?.write(rowId, w.field, w.value)
      }
      if (rowWrites.length === 0) continue
      let entry = row.entry
      for (const w of rowWrites) {
        const ref = parseField(w.field)
        if (!ref) continue
        changes.push({ rowId, field: w.field, before: readField(entry, ref), after: w.value })
        entry = writeField(entry, ref, w.value)
      }
      // A conflict was about the value the library holds; once the editor changes it, it is moot.
      const conflictMoot = row.conflict && rowWrites.some((w) => w.field === row.conflict?.field)
      this.session.updateRow(rowId, {
        entry,
        issues: withoutServerIssues(row, rowWrites),
        ...(conflictMoot ? { conflict: undefined } : {}),
      })
    }
    // The editor sees the edit now, not at the next coalesced flush.
    if (changes.length > 0) this.session.flush()
    return changes
  }

  private outcome(
    changes: readonly CellChange[],
    refused: readonly RefusedCell[],
    label: string | undefined,
  ): EditOutcome {
    return {
      changed: changes.length,
      rows: new Set(changes.map((c) => c.rowId)).size,
      refused: refused.slice(0, REFUSALS_SHOWN),
      refusedCount: refused.length,
      history: this.history.state(),
      ...(label ? { label } : {}),
    }
  }
}

const swap = (c: CellChange): CellChange => ({ ...c, before: c.after, after: c.before })

/** What the server said about a field no longer holds once the editor changed that field. */
function withoutServerIssues(row: Row, writes: readonly CellWrite[]): FieldIssue[] | undefined {
  if (!row.issues) return undefined
  return row.issues.filter(
    (issue) =>
      issue.source !== 'server' ||
      !writes.some((w) => issueCoversField(issue.field, w.field) || issueCoversField(w.field, issue.field)),
  )
}
