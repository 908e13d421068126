/**
 * How busy the machine was while a bench ran. The one-minute load average is sampled every
 * second, and the machine's busy CPU time is read from /proc/stat at both ends. The load average
 * counts the tools under test too (our scan's threads plus exiftool fill two cores by
 * themselves), so where /proc/stat exists the verdict rests on what OTHER processes used: the
 * machine's busy CPU seconds minus the tools' own. When others took more than a quarter of the
 * cores, they took CPU time from both tools unevenly (our scan runs on several threads, exiftool
 * on one), a wall-time ratio says more about the neighbours than about the tools, and the bench
 * says so instead of judging. Without /proc/stat: the load average's median above the cores.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

export interface LoadSummary {
  cores: number
  /** Median and highest one-minute load average over the samples. */
  median: number
  max: number
  /** Other processes took the cores (see the header), or, without /proc/stat, load above the cores. */
  tooLoaded: boolean
  /** Share of all cores' time that processes other than the tools under test used, when known. */
  othersShare?: number
}

/** All cores' busy seconds since boot (Linux /proc/stat, in USER_HZ = 100 ticks), or undefined. */
export function busySeconds(stat = readProcStat()): number | undefined {
  const fields = stat?.split('\n', 1)[0]?.trim().split(/\s+/).slice(1).map(Number)
  if (!fields || fields.length < 5 || fields.some((n) => !Number.isFinite(n))) return undefined
  // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
  return (user + nice + system + irq + softirq + steal) / 100
}

function readProcStat(): string | undefined {
  try {
    return readFileSync('/proc/stat', 'utf8')
  } catch {
    return undefined
  }
}

export function summarizeLoad(samples: readonly number[], cores: number): LoadSummary {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] as number)
  const max = sorted.at(-1) ?? 0
  return { cores, median: Number(median.toFixed(2)), max: Number(max.toFixed(2)), tooLoaded: median > cores }
}

/**
 * Samples the load average until `stop()` is called; `stop(toolsCpuSeconds)` returns the summary,
 * judged by what others used when the tools' own CPU seconds over the same span are given.
 */
export function watchLoad(everyMs = 1000): { stop: (toolsCpuSeconds?: number) => LoadSummary } {
  const samples = [loadavg()[0] ?? 0]
  const started = performance.now()
  const busyAtStart = busySeconds()
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), everyMs)
  timer.unref()
  return {
    stop: (toolsCpuSeconds) => {
      clearInterval(timer)
      samples.push(loadavg()[0] ?? 0)
      const summary = summarizeLoad(samples, cpus().length)
      const busyAtEnd = busySeconds()
      if (toolsCpuSeconds === undefined || busyAtStart === undefined || busyAtEnd === undefined) return summary
      const capacity = ((performance.now() - started) / 1000) * summary.cores
      const othersShare = Math.max(0, busyAtEnd - busyAtStart - toolsCpuSeconds) / capacity
      return { ...summary, othersShare: Number(othersShare.toFixed(2)), tooLoaded: othersShare > 0.25 }
    },
  }
}

/** One line on how far the wall-time verdict can be trusted. */
export function loadNote(load: LoadSummary): string {
  const others =
    load.othersShare === undefined ? '' : `, other processes used ${Math.round(load.othersShare * 100)} % of the cores`
  const figures = `load average ${load.median} (highest ${load.max}) on ${load.cores} cores${others}`
  return load.tooLoaded
    ? `machine: ${figures}: too loaded to judge wall time (other processes took the cores); CPU time is the figure to trust`
    : `machine: ${figures}: quiet enough to judge wall time`
}
