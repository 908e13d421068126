/**
 * Which electronegativity findings are not covered by the reviewed allowlist, and which allowlist
 * entries no longer match anything. Pure.
 */
import type { TriagedFinding } from './allowlist'

export interface Finding {
  id: string
  file: string
  line: number
  column: number
  severity: string
  confidence: string
  sample: string
  description: string
}

export function matches(entry: TriagedFinding, finding: Finding): boolean {
  return entry.id === finding.id && entry.file === finding.file && entry.sample.test(finding.sample)
}

export function triage(
  findings: readonly Finding[],
  allowlist: readonly TriagedFinding[],
): { untriaged: Finding[]; stale: TriagedFinding[] } {
  const untriaged = findings.filter((finding) => !allowlist.some((entry) => matches(entry, finding)))
  const stale = allowlist.filter((entry) => !findings.some((finding) => matches(entry, finding)))
  return { untriaged, stale }
}

/** One line per finding, for a failure message a reviewer can act on. */
export function describeFinding(finding: Finding): string {
  return `${finding.id} (${finding.severity}/${finding.confidence}) at ${finding.file}:${finding.line}:${finding.column}: ${finding.description}\n    ${finding.sample.trim().slice(0, 200)}`
}
