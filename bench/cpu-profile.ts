/** V8's CPU profile (CDP Profiler.stop) as the 25 functions with the most self time, for bench:grid's --profile. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  startTime?: number
  samples?: number[]
  timeDeltas?: number[]
}

/** `until`: only the samples up to then (µs, the trace's clock), e.g. the first row's paint. */
export function printProfile(profile: CpuProfile, until = Infinity): void {
  const self = new Map<string, number>()
  const dt = profile.timeDeltas ?? []
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  let at = profile.startTime ?? 0
  ;(profile.samples ?? []).forEach((id, i) => {
    at += dt[i] ?? 0
    if (at > until) return
    const node = byId.get(id)
    const key = `${node?.callFrame.functionName || '(anon)'} ${node?.callFrame.url.split('/').pop() ?? ''}:${node?.callFrame.lineNumber ?? 0}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  })
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
  for (const [k, ms] of top) console.log(`  ${Math.round(ms)} ms  ${k}`)
}
