/**
 * Livingdocs API versions are `YYYY-MM` with a release every odd month; 2025-03 is the oldest
 * date version. `v1` and `beta` are valid too: on current servers they equal 2025-03, and servers
 * released before 2025-03 offer only `v1` (versioning.md in livingdocsIO/documentation). The
 * list of candidates is computed from the calendar rather than hard-coded, so a server released
 * after this build is still found by `auto`.
 */
export const OLDEST_API_VERSION = '2025-03'
/** The newest version the documentation knew of when this was written (upcoming then). */
export const KNOWN_NEWEST_API_VERSION = '2026-09'
/** From this version on, import and lookups answer `{results}` (release-2026-01). */
export const RESULTS_WRAPPER_SINCE = '2026-01'

export type ApiVersionSetting = 'auto' | string

/** The named versions; `v1` is the only one a server from before 2025-03 answers. */
export const ALIAS_VERSIONS = ['v1', 'beta'] as const

const VERSION = /^(\d{4})-(\d{2})$/

export function isApiVersion(value: string): boolean {
  if ((ALIAS_VERSIONS as readonly string[]).includes(value)) return true
  const m = VERSION.exec(value)
  if (!m) return false
  const month = Number(m[2])
  return month >= 1 && month <= 12 && month % 2 === 1 && value >= OLDEST_API_VERSION
}

/** Explains what is wrong with a configured `apiVersion`, or undefined when it is usable. */
export function apiVersionProblem(setting: string): string | undefined {
  if (setting === 'auto' || isApiVersion(setting)) return undefined
  return `apiVersion "${setting}" is not a Livingdocs API version: use "auto", an odd month from ${OLDEST_API_VERSION} on (e.g. "2026-05"), or "v1" / "beta"`
}

const format = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`

/**
 * Versions to try for `auto`, newest first: every odd month from `lookAheadMonths` after `now`
 * back to 2025-03, then `v1` for a server from before 2025-03. Looking ahead covers a server that already runs the next release; starting
 * no earlier than the newest documented version covers a machine whose clock is behind.
 */
export function apiVersionCandidates(now: Date, lookAheadMonths = 2): string[] {
  let year = now.getUTCFullYear()
  let month = now.getUTCMonth() + 1 + lookAheadMonths
  while (month > 12) {
    month -= 12
    year++
  }
  if (month % 2 === 0) month--
  if (format(year, month) < KNOWN_NEWEST_API_VERSION) {
    year = Number(KNOWN_NEWEST_API_VERSION.slice(0, 4))
    month = Number(KNOWN_NEWEST_API_VERSION.slice(5))
  }
  const out: string[] = []
  for (;;) {
    const v = format(year, month)
    if (v < OLDEST_API_VERSION) break
    out.push(v)
    month -= 2
    if (month < 1) {
      month += 12
      year--
    }
  }
  out.push('v1')
  return out
}
