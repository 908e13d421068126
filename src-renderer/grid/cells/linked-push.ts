/**
 * "Send this row's metadata to the entry" on a linked row (pure): which rows offer it, and the
 * question that shows the fields that would change, old -> new, before anything is sent
 * (core/updater/linked-push.ts looks the entry up for it).
 */
import type { LinkedPushPreview, Row } from '../../../src-main/contract'

/** A row linked to an existing library entry ("Link to entry"), whose own values can go there. */
export const canPushLinked = (row: Row): boolean => row.result?.record.linked === true && row.entry !== undefined

const MAX_VALUE = 80

/** A value as the question shows it: quoted text, lists with ";", nothing as "(empty)". */
export function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)'
  const text = Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ')
    : typeof value === 'string'
      ? value
      : JSON.stringify(value)
  const cut = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text
  return `"${cut}"`
}

/**
 * The question before the push, or undefined when the entry already holds the row's values.
 * `label` names a field as the grid's column header does.
 */
export function linkedPushQuestion(
  preview: LinkedPushPreview,
  relativePath: string,
  label: (field: string) => string = (field) => field.replace(/^metadata\./, ''),
): string | undefined {
  if (preview.changes.length === 0) return undefined
  const lines = preview.changes.map((c) => `• ${label(c.field)}: ${shownValue(c.library)} → ${shownValue(c.row)}`)
  const n = preview.changes.length
  return [
    `Send the metadata of ${relativePath} to library entry ${preview.mediaId}? ${n} field${n === 1 ? ' changes' : 's change'} (library → this row):`,
    ...lines,
    'Values only the library holds stay. If the entry changes in Livingdocs before this arrives, nothing is overwritten: the row shows the conflict.',
  ].join('\n')
}
