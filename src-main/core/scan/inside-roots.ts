/**
 * Whether a path lies in or under a folder, by whole path components (`/a/bc` is not under
 * `/a/b`). Pure string logic on absolute paths already resolved; callers resolve links first.
 */
import { resolve, sep } from 'node:path'

export function isInside(candidate: string, root: string): boolean {
  const c = resolve(candidate)
  const r = resolve(root)
  if (c === r) return true
  return c.startsWith(r.endsWith(sep) ? r : r + sep)
}

export function isInsideAny(candidate: string, roots: Iterable<string>): boolean {
  for (const root of roots) if (isInside(candidate, root)) return true
  return false
}
