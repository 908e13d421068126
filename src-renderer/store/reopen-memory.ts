/**
 * Which unfinished sessions the reopen prompt already offered, kept in the window's localStorage
 * (as column layouts are): the prompt comes once per session, not on every start. Forgetting it
 * (a cleared profile folder) only means one more offer.
 */
const KEY = 'media-importer.reopen-offered'

export function loadOffered(): Set<string> {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]')
    return new Set(Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

/** Remembers `ids` as offered; ids of sessions no longer on this computer are let go. */
export function rememberOffered(ids: readonly string[], existing: readonly string[]): void {
  const keep = new Set(existing)
  const next = [...new Set([...loadOffered(), ...ids])].filter((id) => keep.has(id))
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next))
  } catch {
    // Storage full or refused: the prompt may come once more, nothing else is lost.
  }
}
