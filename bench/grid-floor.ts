/**
 * The floor of bench:grid's edit-to-paint measure in this browser: the same measure (Chromium's
 * Event Timing entry for the Enter keydown, from its timestamp to the end of painting the next
 * frame) on a bare page whose input writes its text into a div on Enter, with no framework and no
 * grid. Nothing the app does can paint sooner than this page. With frames paced at 60 Hz the floor
 * is about one frame, however little the page does: the key waits for the next frame.
 */
import type { Browser } from 'playwright'
import { keydownAt, readEventTimings, type EventTiming } from './trace-event-timing'
import type { TraceOptions } from './trace-file'

const PAGE = `<!doctype html><input id="i"><div id="out"></div><script>
window.__enters = []
const input = document.getElementById('i')
const out = document.getElementById('out')
input.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return
  window.__enters.push(event.timeStamp)
  out.textContent = input.value
  input.value = ''
})
</script>`

export interface EditTimes {
  /** From the key's timestamp to the end of painting the frame after its handlers (commitFinishTime). */
  toPaint: number[]
  /** From the key's timestamp to that frame's presentation on screen (the entry's duration). */
  toScreen: number[]
  /** From the key's timestamp to its handlers' start (the wait for the main thread). */
  inputDelay: number[]
  /** The handlers, and the render React does in them. */
  handlers: number[]
  /** From the end of the handlers to the end of painting (the wait for the frame included). */
  toFrame: number[]
}

/** The Event Timing of each Enter the page recorded (its timeStamps), from the trace of the run. */
export function editTimes(timings: readonly EventTiming[], enters: readonly number[]): EditTimes {
  const out: EditTimes = { toPaint: [], toScreen: [], inputDelay: [], handlers: [], toFrame: [] }
  for (const stamp of enters) {
    const entry = keydownAt(timings, stamp)
    if (!entry || entry.commitFinishTime === undefined)
      throw new Error(`no Event Timing in the trace for the Enter at ${stamp}`)
    out.toPaint.push(entry.commitFinishTime - entry.timeStamp)
    out.toScreen.push(entry.duration)
    out.inputDelay.push(entry.processingStart - entry.timeStamp)
    out.handlers.push(entry.processingEnd - entry.processingStart)
    out.toFrame.push(entry.commitFinishTime - entry.processingEnd)
  }
  return out
}

export async function measureFloor(browser: Browser, edits: number, trace: TraceOptions): Promise<EditTimes> {
  const page = await browser.newPage()
  try {
    await page.setContent(PAGE)
    await page.focus('#i')
    await browser.startTracing(page, trace)
    for (let i = 0; i < edits; i++) {
      await page.keyboard.type(`Edited ${i}`)
      await page.keyboard.press('Enter')
      await page.waitForFunction((n) => (window as unknown as { __enters: number[] }).__enters.length > n, i)
    }
    // The last key's entry is traced when its frame is presented, a frame or two after the key.
    await page.waitForTimeout(250)
    await browser.stopTracing()
    return editTimes(
      readEventTimings(trace.path),
      await page.evaluate(() => (window as unknown as { __enters: number[] }).__enters),
    )
  } finally {
    await page.close()
  }
}
