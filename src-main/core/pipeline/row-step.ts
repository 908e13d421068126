/**
 * How the code that moves a row asks the lifecycle (`row-lifecycle.ts`) for its next status:
 * `...step(row, 'probe-ok')` in the change it writes. A refused move keeps the row's status and is
 * reported to the listeners (the import log writes it at warn, `logging/import-log.ts`), so a
 * transition the table does not know is seen, never a silent jump.
 */
import type { Row } from '../model/row'
import { TARGET, transition, type LifeEvent, type LifeState } from './row-lifecycle'

export interface RefusedStep {
  rowId?: string
  path?: string
  from: LifeState
  event: LifeEvent
  error: string
}

const listeners = new Set<(refused: RefusedStep) => void>()

/** Hears every refused move until the returned function is called. */
export function onRefusedStep(listener: (refused: RefusedStep) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function report(
  row: Partial<Pick<Row, 'rowId' | 'relativePath'>>,
  from: LifeState,
  event: LifeEvent,
  error: string,
): void {
  const refused: RefusedStep = {
    ...(row.rowId ? { rowId: row.rowId } : {}),
    ...(row.relativePath ? { path: row.relativePath } : {}),
    from,
    event,
    error,
  }
  // Nobody listening (a test, a tool): the refusal still reaches the console rather than nowhere.
  if (listeners.size === 0) console.warn(`${refused.path ?? refused.rowId ?? 'A row'}: ${error}`)
  for (const listener of listeners) listener(refused)
}

/**
 * The `status` part of a row's change for `event`: empty when the move is refused (the status
 * stays) or the state takes the event without moving. Typed by the event's one target
 * (`TARGET`), so the change it is spread into is checked against that status's row type.
 */
export function step<E extends LifeEvent>(
  row: Partial<Pick<Row, 'rowId' | 'relativePath'>> & Pick<Row, 'status'>,
  event: E,
): { status: (typeof TARGET)[E] } | { status?: never } {
  const result = transition(row.status, event)
  // An event the state takes without moving (a submitted row's upload events) writes no status.
  if (result.ok) return result.kept ? {} : { status: TARGET[event] }
  report(row, row.status, event, result.error)
  return {}
}

/** The status a new row starts in, from the walk's verdict. */
export function firstStatus<E extends 'found' | 'skip' | 'walk-failed'>(event: E): (typeof TARGET)[E] {
  const result = transition('new', event)
  // The table lists all three; a refusal here is a bug in the table, not a row's problem.
  if (!result.ok) throw new Error(result.error)
  return TARGET[event]
}
