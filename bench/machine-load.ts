/**
 * How busy the machine was while a bench ran. The one-minute load average is sampled every
 * second; when it stays above the number of cores, other processes took CPU time from both
 * tools, unevenly (our scan runs on several threads, exiftool on one), so a wall-time ratio
 * says more about the neighbours than about the tools and the bench says so instead of judging.
 */
import { cpus, loadavg } from 'node:os'

export interface LoadSummary {
  cores: number
  /** Median and highest one-minute load average over the samples. */
  median: number
  max: number
  /** More runnable processes than cores for most of the run. */
  tooLoaded: boolean
}

export function summarizeLoad(samples: readonly number[], cores: number): LoadSummary {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] as number)
  const max = sorted.at(-1) ?? 0
  return { cores, median: Number(median.toFixed(2)), max: Number(max.toFixed(2)), tooLoaded: median > cores }
}

/** Samples the load average until `stop()` is called; `stop()` returns the summary. */
export function watchLoad(everyMs = 1000): { stop: () => LoadSummary } {
  const samples = [loadavg()[0] ?? 0]
  const timer = setInterval(() => samples.push(loadavg()[0] ?? 0), everyMs)
  timer.unref()
  return {
    stop: () => {
      clearInterval(timer)
      samples.push(loadavg()[0] ?? 0)
      return summarizeLoad(samples, cpus().length)
    },
  }
}

/** One line on how far the wall-time verdict can be trusted. */
export function loadNote(load: LoadSummary): string {
  const figures = `load average ${load.median} (highest ${load.max}) on ${load.cores} cores`
  return load.tooLoaded
    ? `machine: ${figures}: too loaded to judge wall time (other processes took the cores); CPU time is the figure to trust`
    : `machine: ${figures}: quiet enough to judge wall time`
}
