/**
 * The benches' Chrome traces: what they record (traceCategories), and their events parsed once,
 * since a trace runs to hundreds of MB and several readers (trace-tasks.ts,
 * trace-event-timing.ts) look at the same one.
 */
import { readFileSync } from 'node:fs'

export type TraceEvents = readonly unknown[]

/** The fields of a trace event the benches read (Chrome's Trace Event Format). */
export interface TraceEvent {
  name: string
  cat?: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** The thread's CPU time in the event. */
  tdur?: number
  args?: { name?: string; data?: Record<string, unknown> }
}

/** Browser.startTracing's options, with the file the trace goes to. */
export interface TraceOptions {
  path: string
  screenshots: false
  categories: string[]
}

export function readTraceEvents(file: string): TraceEvents {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: unknown[] } | unknown[]
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
}

/**
 * What the benches trace: tasks, input events with their Event Timing, frames and their stages.
 * Playwright's default also turns on V8's sampling profiler at high resolution, whose interrupts
 * ran inside the page's handlers and added up to 15 ms to the slowest edits: the measure changed
 * what it measured. `withJsSamples` puts it back, for a trace to read in DevTools rather than a figure.
 */
export function traceCategories(withJsSamples = false): string[] {
  const measured = [
    '-*',
    'toplevel',
    'v8.execute',
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'latencyInfo',
    'blink.user_timing',
  ]
  return withJsSamples
    ? [
        ...measured,
        'disabled-by-default-devtools.timeline.stack',
        'disabled-by-default-v8.cpu_profiler',
        'disabled-by-default-v8.cpu_profiler.hires',
      ]
    : measured
}
