/**
 * A Chrome trace's events, parsed once: a bench's trace runs to hundreds of MB, and several
 * readers (trace-tasks.ts, trace-event-timing.ts) look at the same one.
 */
import { readFileSync } from 'node:fs'

export type TraceEvents = readonly unknown[]

export function readTraceEvents(file: string): TraceEvents {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: unknown[] } | unknown[]
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
}
