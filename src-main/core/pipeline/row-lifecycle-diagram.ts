/**
 * ARCHITECTURE.md's picture and table of a row's life, written from the transition table itself
 * (`row-lifecycle.ts`); `row-lifecycle-diagram.test.ts` checks that the document holds exactly
 * this text, so the drawing cannot drift from the code. Pure.
 */
import { KEPT, TRANSITIONS, type LifeState } from './row-lifecycle'

/** Mermaid state ids take no `-`; `new` is the diagram's start. */
const node = (state: LifeState): string => (state === 'new' ? '[*]' : state.replace(/-/g, '_'))

/** A Mermaid `stateDiagram-v2`: one arrow per (from, to), labelled with the events that take it. */
export function lifecycleMermaid(): string {
  const arrows = new Map<string, string[]>()
  for (const t of TRANSITIONS) {
    const arrow = `${node(t.from)} --> ${node(t.to)}`
    arrows.set(arrow, [...(arrows.get(arrow) ?? []), t.event])
  }
  const lines = [...arrows].map(([arrow, events]) => `  ${arrow}: ${events.join(', ')}`)
  return ['```mermaid', 'stateDiagram-v2', ...lines, '```'].join('\n')
}

/** A Markdown table: per event, the states it moves a row from, where to, and why. */
export function lifecycleTable(): string {
  const rows = new Map<string, { from: LifeState[]; to: string; why: string }>()
  for (const t of TRANSITIONS) {
    const key = `${t.event} ${t.to}`
    const row = rows.get(key) ?? { from: [], to: t.to, why: t.why }
    row.from.push(t.from)
    rows.set(key, row)
  }
  const kept = new Map<string, string[]>()
  for (const k of KEPT) kept.set(k.event, [...(kept.get(k.event) ?? []), k.from])
  const lines = [...rows].map(([key, row]) => {
    const event = key.slice(0, key.indexOf(' '))
    const stays = kept.get(event)
    const keep = stays?.length === 1 ? 'keeps its status' : 'keep their status'
    const note = stays ? ` (${stays.map((s) => `\`${s}\``).join(', ')} ${keep})` : ''
    const from = row.from.map((s) => `\`${s}\``).join(', ')
    return `| \`${event}\` | ${from} | \`${row.to}\` | ${row.why}${note} |`
  })
  return ['| Event | From | To | Where, why |', '| --- | --- | --- | --- |', ...lines].join('\n')
}
