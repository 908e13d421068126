/**
 * Functions the grid bench runs inside the page (Playwright serialises them: no imports, no
 * closures over Node values). For each Enter that commits an edit they keep the keydown's own
 * timestamp (the bench finds Chromium's Event Timing entry for it in the trace: that is the
 * edit-to-paint figure), when the cell's DOM showed the new value (the value the renderer paints
 * at once, before main answers: it must be there before the key's handlers end, or the frame the
 * entry times would not show it), and when a frame showed it confirmed (main's patch applied: the
 * cell no longer marked pending); and long tasks while the grid scrolls.
 */

declare global {
  interface Window {
    __bench?: { enters: number[]; shown: number[]; confirmed: number[]; longTasks: number[]; firstRowMs?: number }
  }
}

/** The console message the page sends when its first row is painted (installProbes). */
export const FIRST_ROW_MESSAGE = 'bench: first row painted'

/** Installed before the app loads: the first painted row, every edit's timings, long tasks. */
export function installProbes(): void {
  const bench = {
    /** The timeStamp of each Enter keydown that committed an edit. */
    enters: [] as number[],
    /** To the moment the cell's DOM showed the value (before the frame that paints it). */
    shown: [] as number[],
    confirmed: [] as number[],
    longTasks: [] as number[],
    firstRowMs: undefined as number | undefined,
  }
  window.__bench = bench
  // After the next frame is painted: rAF runs before paint, a message posted from it runs after.
  const afterPaint = (done: () => void): void => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done()
      channel.port2.postMessage(null)
    })
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.duration)
  }).observe({ type: 'longtask', buffered: true })
  const firstRow = new MutationObserver(() => {
    if (!document.querySelector('[role="row"][data-row-id]')) return
    firstRow.disconnect()
    afterPaint(() => {
      bench.firstRowMs = performance.now()
      // Told, not polled: Playwright's waitForFunction runs its own script in the page, which
      // the first row would wait for (bench/grid-open.ts waits for this message instead).
      console.debug('bench: first row painted')
    })
  })
  firstRow.observe(document, { childList: true, subtree: true })
  // An edit commits on Enter in the cell's editor; it is done when its cell shows the value.
  window.addEventListener(
    'keydown',
    (event) => {
      const input = event.target
      if (event.key !== 'Enter' || !(input instanceof HTMLInputElement) || !input.classList.contains('cell-input'))
        return
      const cell = input.closest('[role="gridcell"]')
      if (!cell) return
      const started = event.timeStamp
      bench.enters.push(started)
      const expected = input.value
      const id = cell.id
      const grid = document.querySelector('[role="grid"]') as Node
      const options = { childList: true, subtree: true, characterData: true, attributes: true }
      const shows = () => document.getElementById(id)?.textContent === expected
      const confirm = new MutationObserver(() => {
        const cell = document.getElementById(id)
        if (!shows() || cell?.hasAttribute('data-pending')) return
        confirm.disconnect()
        afterPaint(() => bench.confirmed.push(performance.now() - started))
      })
      const show = new MutationObserver(() => {
        if (!shows()) return
        show.disconnect()
        bench.shown.push(performance.now() - started)
        confirm.observe(grid, options)
        if (!document.getElementById(id)?.hasAttribute('data-pending')) {
          confirm.disconnect()
          afterPaint(() => bench.confirmed.push(performance.now() - started))
        }
      })
      show.observe(grid, options)
    },
    { capture: true },
  )
}

export interface ScrollResult {
  frames: number
  longTasks: number[]
  frameP50: number
  frameP95: number
}

/** Scrolls the grid top to bottom in `frames` equal steps, one per frame, and collects the long tasks. */
export async function scrollThrough(frames: number): Promise<ScrollResult> {
  const grid = document.querySelector('[role="grid"]') as HTMLElement
  const bench = window.__bench as { longTasks: number[] }
  bench.longTasks.length = 0
  const nextFrame = () => new Promise<number>((done) => requestAnimationFrame(done))
  const step = (grid.scrollHeight - grid.clientHeight) / frames
  const intervals: number[] = []
  let last = await nextFrame()
  for (let i = 1; i <= frames; i++) {
    grid.scrollTop = step * i
    const now = await nextFrame()
    intervals.push(now - last)
    last = now
  }
  // Long tasks are reported a little after they end.
  await new Promise((done) => setTimeout(done, 300))
  intervals.sort((a, b) => a - b)
  const at = (q: number) => Math.round(intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))] ?? 0)
  return { frames, longTasks: [...bench.longTasks], frameP50: at(0.5), frameP95: at(0.95) }
}

/** Scrolls the grid sideways so a column's cells are rendered and in view, clear of the pinned ones. */
export function scrollToColumn(columnId: string): void {
  const grid = document.querySelector('[role="grid"]') as HTMLElement
  const header = grid.querySelector<HTMLElement>(`[role="columnheader"][data-column="${columnId}"]`)
  const path = grid.querySelector<HTMLElement>('[role="columnheader"][data-column="path"]')
  if (!header) throw new Error(`no column ${columnId}`)
  grid.scrollLeft = header.offsetLeft - (path ? path.offsetWidth + 100 : 0)
}
