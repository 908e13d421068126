/**
 * Where bench:grid's first-row time goes: the same session and server as bench:grid (grid-open.ts),
 * then RUNS more tabs of the warmed browser opened with a Chrome trace running, each broken down
 * from navigation start: the network (each request from sent to finished), and the page's
 * main-thread tasks over 1 ms with what ran in them (HTML parsed, a script evaluated, a function
 * called back, an event, style, layout, paint) and their CPU time. The page's own User Timing
 * marks (`mi:*`, set by the renderer on its loading path) are listed in place.
 *
 *   npm run build && npx tsx bench/grid-first-row.ts -- [--rows 50000] [--runs 3] [--trace file.json]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { printProfile } from './cpu-profile'
import { gotoFirstRow, makeThumbnails, openGrid } from './grid-open'
import { installProbes } from './grid-probes'
import { readTraceEvents, traceCategories, type TraceEvent } from './trace-file'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const ROWS = arg('rows', 50_000)
const RUNS = arg('runs', 3)
const RENDERER = process.argv.includes('--renderer') ? process.argv[process.argv.indexOf('--renderer') + 1] : undefined
/** V8's sampling profile of the last run's load (top self time), for which function the CPU goes to. */
const PROFILE = process.argv.includes('--profile')
const KEPT = process.argv.includes('--trace') ? process.argv[process.argv.indexOf('--trace') + 1] : undefined

/** What a trace event inside a task says about the work, or undefined for an event not worth naming. */
function label(e: TraceEvent): string | undefined {
  const d = e.args?.data ?? {}
  const file = (url: unknown) =>
    String(url ?? '')
      .split('/')
      .pop()
  switch (e.name) {
    case 'ParseHTML':
      return 'ParseHTML'
    case 'EvaluateScript':
      return `Evaluate ${file(d.url)}`
    case 'v8.compile':
    case 'v8.compileModule':
      return `${e.name} ${file(d.url ?? (e.args as { fileName?: string } | undefined)?.fileName)}`
    case 'FunctionCall':
      return `call ${String(d.functionName || '(anon)')} ${file(d.url)}:${String(d.lineNumber ?? '')}`
    case 'EventDispatch':
      return `event ${String(d.type)}`
    case 'TimerFire':
      return 'timer'
    case 'FireAnimationFrame':
      return 'rAF'
    case 'RunMicrotasks':
      return 'microtasks'
    case 'UpdateLayoutTree':
      return 'style'
    case 'Layout':
      return 'layout'
    case 'Paint':
    case 'PrePaint':
    case 'Commit':
      return e.name
    case 'ResourceReceivedData':
      return 'data'
    case 'MajorGC':
    case 'MinorGC':
    case 'V8.GC_SCAVENGER':
      return 'GC'
    default:
      return undefined
  }
}

function breakdown(
  events: readonly TraceEvent[],
  page: { origin: number; pid: number; host: string },
  firstRowMs: number,
): { lines: string[]; cpuMs: number } {
  const { origin, pid, host } = page
  const at = (ts: number) => ((ts - origin) / 1000).toFixed(1).padStart(7)
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid)
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const end = origin + firstRowMs * 1000 + 5000
  const lines: string[] = []
  // The network: each request from sent to finished (its id ties the three events together).
  const sent = new Map<string, { url: string; ts: number; method: string }>()
  for (const e of events) {
    const d = e.args?.data ?? {}
    const id = String(d.requestId ?? '')
    const own = String(d.url ?? '').startsWith(host)
    if (e.name === 'ResourceSendRequest' && own && e.ts >= origin - 50_000 && e.ts < end)
      sent.set(id, { url: String(d.url), ts: e.ts, method: String(d.requestMethod ?? 'GET') })
    if (e.name === 'ResourceFinish' && sent.has(id)) {
      const s = sent.get(id) as { url: string; ts: number; method: string }
      const path = new URL(s.url).pathname
      lines.push(
        `${at(s.ts)} ms  net ${s.method} ${path} until ${at(e.ts).trim()} ms (${((e.ts - s.ts) / 1000).toFixed(1)} ms)`,
      )
      sent.delete(id)
    }
  }
  for (const [, s] of sent) lines.push(`${at(s.ts)} ms  net ${s.method} ${new URL(s.url).pathname} (not finished)`)
  // The main thread's tasks, outermost only, with what ran inside them.
  const onMain = events
    .filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ts >= origin - 50_000 && e.ts < end)
    .sort((a, b) => a.ts - b.ts)
  let task: { ts: number; end: number; cpu: number; what: Map<string, number> } | undefined
  const firstRowAt = origin + firstRowMs * 1000
  let cpuBefore = 0
  const flush = () => {
    if (task && task.ts >= origin && task.end <= firstRowAt) cpuBefore += task.cpu
    if (!task || task.end - task.ts < 1000) return
    const what = [...task.what.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`)
      .join(', ')
    lines.push(
      `${at(task.ts)} ms  task ${((task.end - task.ts) / 1000).toFixed(1)} ms (CPU ${(task.cpu / 1000).toFixed(1)}): ${what}`,
    )
  }
  for (const e of onMain) {
    if (e.ph === 'R' || (e.ph === 'I' && e.name.startsWith('mi:')) || (e.ph === 'b' && e.name.startsWith('mi:'))) {
      lines.push(`${at(e.ts)} ms  mark ${e.name}`)
      continue
    }
    if (e.ph !== 'X') continue
    if (e.name === 'RunTask') {
      if (task && e.ts < task.end) continue
      flush()
      task = { ts: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? 0, what: new Map() }
      continue
    }
    const name = label(e)
    if (task && name && e.ts < task.end) task.what.set(name, (task.what.get(name) ?? 0) + (e.dur ?? 0))
  }
  flush()
  lines.push(
    `${firstRowMs.toFixed(1).padStart(7)} ms  first row painted; the page's main thread used ${(cpuBefore / 1000).toFixed(1)} ms of CPU until then`,
  )
  // User timing marks may be on their own; sort everything by time.
  for (const e of events)
    if (e.name.startsWith('mi:') && e.cat?.includes('user_timing') && !main.has(`${e.pid}:${e.tid}`))
      lines.push(`${at(e.ts)} ms  mark ${e.name}`)
  return { lines: lines.sort((a, b) => Number(a.slice(0, 7)) - Number(b.slice(0, 7))), cpuMs: cpuBefore / 1000 }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-first-row-'))
  try {
    const thumbnailDir = join(dir, 'thumbnails')
    mkdirSync(thumbnailDir)
    const thumbnails = await makeThumbnails(thumbnailDir)
    const grid = await openGrid({ rows: ROWS, thumbnails, thumbnailDir, paced: false, rendererDir: RENDERER })
    try {
      const url = grid.url
      const figures: number[] = []
      const cpu: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const page = await grid.browser.newPage({ viewport: { width: 1440, height: 900 } })
        await page.addInitScript({ content: 'window.__name = (fn) => fn' })
        await page.addInitScript(installProbes)
        const path = KEPT && run === RUNS - 1 ? KEPT : join(dir, `open-${run}.json`)
        await grid.browser.startTracing(page, {
          path,
          screenshots: false,
          categories: [...traceCategories(), 'loading', 'netlog', 'v8'],
        })
        const cdp = PROFILE && run === RUNS - 1 ? await page.context().newCDPSession(page) : undefined
        if (cdp) {
          await cdp.send('Profiler.enable')
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
          await cdp.send('Profiler.start')
        }
        await gotoFirstRow(page, url)
        const firstRowMs = await page.evaluate(() => {
          performance.mark('mi:bench-read')
          return window.__bench?.firstRowMs ?? 0
        })
        const readAt = await page.evaluate(() => performance.getEntriesByName('mi:bench-read')[0]?.startTime ?? 0)
        await page.waitForTimeout(100)
        const profile = cdp ? (await cdp.send('Profiler.stop')).profile : undefined
        await grid.browser.stopTracing()
        await page.close()
        const events = readTraceEvents(path) as readonly TraceEvent[]
        const mark = events.find((e) => e.name === 'mi:bench-read')
        if (!mark) throw new Error('the trace has no mi:bench-read mark')
        const origin = mark.ts - readAt * 1000
        figures.push(firstRowMs)
        if (profile) printProfile(profile, origin + firstRowMs * 1000)
        console.log(
          `\nrun ${run + 1}: first row painted at ${firstRowMs.toFixed(1)} ms (load ${loadavg()[0]?.toFixed(1)})`,
        )
        const host = new URL(url).origin
        const { lines, cpuMs } = breakdown(events, { origin, pid: mark.pid, host }, firstRowMs)
        for (const line of lines) console.log(line)
        cpu.push(cpuMs)
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
      console.log(
        `\nfirst row painted: ${figures.map((f) => f.toFixed(0)).join(', ')} ms, median ${median(figures).toFixed(0)} ms; the page's main-thread CPU until then ${cpu.map((c) => c.toFixed(0)).join(', ')} ms, median ${median(cpu).toFixed(0)} ms (load ${loadavg()[0]?.toFixed(1)})`,
      )
    } finally {
      await grid.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exit(1)
})
