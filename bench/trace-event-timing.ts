/**
 * Chromium's own measure of an input event's latency, from a Chrome trace: the Event Timing entry
 * (the one behind INP and DevTools' "Interactions") with its unrounded times. The page's
 * PerformanceObserver gets the same entry with `duration` rounded to 8 ms, and without
 * `commitFinishTime`, which only the trace carries. All times are the page's clock
 * (performance.now()), so they match an event's `timeStamp`.
 */
import { readTraceEvents, type TraceEvents } from './trace-file'

export interface EventTiming {
  type: string
  /** The event's own timestamp (when the browser received the input). */
  timeStamp: number
  processingStart: number
  processingEnd: number
  /** When the renderer finished painting the first frame after the handlers ran (and handed it to the compositor). */
  commitFinishTime?: number
  /** From timeStamp to that frame's presentation on screen. */
  duration: number
}

interface TraceEvent {
  name: string
  ph: string
  args?: { data?: Partial<EventTiming> }
}

/** `trace`: the trace file, or its events already read (trace-file.ts). */
export function readEventTimings(trace: string | TraceEvents): EventTiming[] {
  const events = (typeof trace === 'string' ? readTraceEvents(trace) : trace) as readonly TraceEvent[]
  const out: EventTiming[] = []
  for (const e of events) {
    const data = e.name === 'EventTiming' && e.ph === 'b' ? e.args?.data : undefined
    if (!data || typeof data.type !== 'string' || typeof data.timeStamp !== 'number') continue
    if (typeof data.processingStart !== 'number' || typeof data.processingEnd !== 'number') continue
    if (typeof data.duration !== 'number') continue
    out.push({
      type: data.type,
      timeStamp: data.timeStamp,
      processingStart: data.processingStart,
      processingEnd: data.processingEnd,
      commitFinishTime: data.commitFinishTime,
      duration: data.duration,
    })
  }
  return out
}

/**
 * The keydown entry for an event whose timeStamp the page saw as `timeStamp`: the page's clock is
 * coarsened (100 µs steps plus jitter without cross-origin isolation), the trace's is not, and
 * keys come milliseconds apart.
 */
export function keydownAt(timings: readonly EventTiming[], timeStamp: number): EventTiming | undefined {
  let best: EventTiming | undefined
  for (const t of timings) {
    if (t.type !== 'keydown' || Math.abs(t.timeStamp - timeStamp) > 0.3) continue
    if (!best || Math.abs(t.timeStamp - timeStamp) < Math.abs(best.timeStamp - timeStamp)) best = t
  }
  return best
}
