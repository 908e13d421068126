/**
 * A template applied to rows: each of its fields planned as the bulk set of that field with its
 * own mode (plan-edits.ts), all in one plan, so the editor commits it as one undoable step. Pure.
 */
import { emptyPlan, type Plan, type PlanContext } from '../editing/plan'
import { planBulk } from '../editing/plan-edits'
import type { Template } from './template-schema'

export function planTemplate(ctx: PlanContext, rowIds: readonly string[], template: Template): Plan {
  const plan = emptyPlan()
  for (const { field, mode, value } of template.fields) {
    const one = planBulk(ctx, rowIds, field, mode, value)
    plan.writes.push(...one.writes)
    plan.refused.push(...one.refused)
  }
  return plan
}
