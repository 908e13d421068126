/**
 * Bulk "Append": what a cell holds after a value is added to it, as captioning desks do it. A
 * list (keywords) takes the items it does not hold yet; a name-like text (credit, copyright,
 * byline, source…) takes the new name after ", " unless it already names it, since desks stack
 * agencies there ("Reuters, AFP"); any other text (title, caption) continues after one space, as
 * a sentence does. Numbers, booleans and dates cannot append. Pure.
 */
import type { Row } from '../../src-main/core/model/row'
import { formatCellValue } from './cell-text'

/**
 * `fill-empty` ("Only where empty") writes only cells that hold nothing, so the credits, captions
 * and titles files brought along stay as they are: how desks fill a shoot's gaps in bulk.
 */
export type BulkMode = 'fill-empty' | 'replace' | 'append' | 'clear'

export type Appended = { value: unknown } | { refuse: string }

/** Handles whose text is a list of names rather than prose (IPTC's Credit Line, Copyright Notice, By-line…). */
const NAME_LIKE = /credit|copyright|byline|by-line|author|creator|source|provider|photographer|agency|owner|licensor/i

/** The text put between a field's value and what is appended to it. */
export function appendSeparator(handle: string | undefined): string {
  return handle && NAME_LIKE.test(handle) ? ', ' : ' '
}

function appendText(current: string, more: string, separator: string): string {
  if (separator === ', ') {
    const names = current.split(/\s*[,;/]\s*/).map((name) => name.trim().toLowerCase())
    if (names.includes(more.trim().toLowerCase())) return current
    const end = current.replace(/[\s,;]+$/, '')
    return end + separator + more.replace(/^[\s,;]+/, '')
  }
  const joint = /\s$/.test(current) || /^\s/.test(more) ? '' : separator
  return current + joint + more
}

/** `current` with `addition` appended; `handle` is the property's handle (its kind of text). */
export function appended(current: unknown, addition: unknown, handle?: string): Appended {
  if (addition === undefined || addition === '') return { value: current }
  if (current === undefined || current === null || current === '') return { value: addition }
  if (Array.isArray(current)) {
    const items = Array.isArray(addition) ? addition : [addition]
    const added = items.filter((item, i) => !current.includes(item) && items.indexOf(item) === i)
    return { value: added.length === 0 ? current : [...current, ...added] }
  }
  if (typeof current === 'string') {
    return { value: appendText(current, formatCellValue(addition), appendSeparator(handle)) }
  }
  return { refuse: 'Append works on text and lists: use Replace for this column.' }
}

/**
 * The mode the bulk panel starts in for a field: "Only where empty" when any of the rows holds a
 * value its file brought (an agency's credit, a caption), so a set never overwrites it unasked;
 * else Replace.
 */
export function defaultBulkMode(field: string, rows: ReadonlyArray<Pick<Row, 'prefill'> | undefined>): BulkMode {
  if (!field.startsWith('metadata.')) return 'replace'
  const handle = field.slice('metadata.'.length)
  return rows.some((row) => row?.prefill?.sources[handle]?.from === 'embedded') ? 'fill-empty' : 'replace'
}
