/**
 * The renderer's main-thread tasks from a Chrome trace, each with its wall time and its CPU time
 * (the thread's own clock). On a machine shared with other work a task's wall time includes the
 * time its thread waited for a core; the CPU time is the work the page itself did, so the bench
 * reports both.
 */
import { readTraceEvents, type TraceEvent, type TraceEvents } from './trace-file'

export interface TraceTask {
  wallMs: number
  cpuMs: number
  /** Event types dispatched inside the task (keydown, scroll, …). */
  events: string[]
}

/** `trace`: the trace file, or its events already read (trace-file.ts). */
export function readTraceTasks(trace: string | TraceEvents): TraceTask[] {
  const events = (typeof trace === 'string' ? readTraceEvents(trace) : trace) as readonly TraceEvent[]
  const main = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts)
  const tasks: Array<TraceTask & { end: number; ts: number }> = []
  for (const e of onMain) {
    if (e.name === 'ThreadControllerImpl::RunTask') {
      const end = e.ts + (e.dur ?? 0)
      // Nested run loops put tasks inside tasks: only the outermost one counts.
      const last = tasks.at(-1)
      if (last && e.ts < last.end) continue
      tasks.push({ ts: e.ts, end, wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000, events: [] })
    } else if (e.name === 'EventDispatch') {
      const task = tasks.at(-1)
      const type = e.args?.data?.type
      if (task && e.ts < task.end && typeof type === 'string') task.events.push(type)
    }
  }
  return tasks.map(({ wallMs, cpuMs, events: types }) => ({ wallMs, cpuMs, events: types }))
}
