/**
 * API versions in the path `/api/{version}/…` (docs/reference/livingdocs-api.md §3): date versions from
 * 2025-03 to the current release, plus `v1` and `beta`, which equal 2025-03. Older date versions were
 * removed (410 Gone); anything else is an unknown path (404).
 */
import type { LegacyShape } from './types'

export const DATE_VERSIONS = [
  '2025-03',
  '2025-05',
  '2025-07',
  '2025-09',
  '2025-11',
  '2026-01',
  '2026-03',
  '2026-05',
  '2026-07',
] as const

export const OLDEST_VERSION = '2025-03'
/** From this version on, lists come back as `{ results: [...] }` (changelog 2026-01). */
export const RESULTS_WRAPPER_SINCE = '2026-01'

const ALIASES: Record<string, string> = { v1: OLDEST_VERSION, beta: OLDEST_VERSION }

/**
 * Deprecated versions, answered with a `Warning` header as the real server does (the Livingdocs
 * CLI logs them). Versioning policy: 2025-03 (and so `v1` / `beta`) is deprecated from 2026-11
 * and removed in 2027-05.
 */
const DEPRECATED: Record<string, { since: string; removal: string }> = {
  '2025-03': { since: '2026-11', removal: '2027-05' },
}

/** The `Warning` header for a request on this effective version, if it is deprecated. */
export function deprecationWarning(requested: string, effective: string): string | undefined {
  const deprecated = DEPRECATED[effective]
  if (!deprecated) return undefined
  return `299 - "API version ${requested} is deprecated since ${deprecated.since} and will be removed in ${deprecated.removal}"`
}

export type VersionResolution =
  | { kind: 'supported'; requested: string; effective: string }
  | { kind: 'removed'; requested: string }
  | { kind: 'unknown'; requested: string }

export function resolveVersion(requested: string): VersionResolution {
  const alias = ALIASES[requested]
  if (alias) return { kind: 'supported', requested, effective: alias }
  if ((DATE_VERSIONS as readonly string[]).includes(requested))
    return { kind: 'supported', requested, effective: requested }
  const dateShaped = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested)
  // String order equals date order for YYYY-MM.
  if (dateShaped && requested < OLDEST_VERSION) return { kind: 'removed', requested }
  return { kind: 'unknown', requested }
}

/** Wraps a list (import results, lookups) the way the given effective version answers it. */
export function wrapList<T>(effectiveVersion: string, items: T[], legacyShape: LegacyShape): unknown {
  if (effectiveVersion >= RESULTS_WRAPPER_SINCE) return { results: items }
  return legacyShape === 'bare-array' ? items : { mediaLibraryEntries: items }
}
