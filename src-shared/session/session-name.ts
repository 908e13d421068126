/**
 * A session's name as the editor sees it, wherever the session shows (the banner, the Sessions
 * list, the "reopen?" question, "Already in the library … in session …"): the editor's own name,
 * else what was dropped first and when, in words — "Harbour shoot · 7 Dec 23:11", "Harbour
 * shoot + 2 more · 7 Dec 23:11", "3 files · 7 Dec 23:11". The folder keeps its id
 * (`2026-12-07T23-11-08-sandbox`): it sorts by time and is what `--session` takes. Pure, free of
 * Node and DOM; times are the computer's local time, as the editor read the clock.
 */

/** What the rows came from: the dropped folders in the order they came, and files dropped on their own. */
export interface Dropped {
  /** The first thing dropped: a folder's name, or a file dropped on its own. */
  first?: { name: string; folder: boolean }
  folders: number
  files: number
}

export const NOTHING_DROPPED: Dropped = { folders: 0, files: 0 }

/** From the rows' relative paths in arrival order (a path without `/` is a file dropped on its own). */
export function droppedOf(relativePaths: Iterable<string>): Dropped {
  const folders = new Set<string>()
  let files = 0
  let first: Dropped['first']
  for (const path of relativePaths) {
    if (!path) continue
    const slash = path.indexOf('/')
    const folder = slash > 0
    const name = folder ? path.slice(0, slash) : path
    first ??= { name, folder }
    if (folder) folders.add(name)
    else files++
  }
  return { ...(first ? { first } : {}), folders: folders.size, files }
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`

/** "Harbour shoot", "Harbour shoot + 2 more", "3 files", "DSC_0417.jpg", "3 files + 1 more"; '' for nothing. */
export function whatWasDropped({ first, folders, files }: Dropped): string {
  if (!first) return ''
  if (first.folder) {
    const more = folders - 1 + files
    return more > 0 ? `${first.name} + ${more} more` : first.name
  }
  const lead = files === 1 ? first.name : plural(files, 'file')
  return folders > 0 ? `${lead} + ${folders} more` : lead
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "7 Dec 23:11"; with the year when it is not this year's ("7 Dec 2025 23:11"); '' for no date. */
export function whenInWords(iso: string | undefined, now = new Date()): string {
  const at = iso ? new Date(iso) : undefined
  if (!at || Number.isNaN(at.getTime())) return ''
  const year = at.getFullYear() === now.getFullYear() ? '' : ` ${at.getFullYear()}`
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
  return `${at.getDate()} ${MONTHS[at.getMonth()]}${year} ${time}`
}

/**
 * The name shown: the editor's (`title`), else what was dropped and when. A session nothing was
 * dropped into yet is a "New import"; without a date (an unreadable session), `fallback` (its id).
 */
export function sessionName(
  title: string | undefined,
  dropped: Dropped,
  createdAt: string | undefined,
  fallback = '',
  now = new Date(),
): string {
  if (title) return title
  const what = whatWasDropped(dropped)
  const when = whenInWords(createdAt, now)
  if (!when) return what || fallback
  return `${what || 'New import'} · ${when}`
}
