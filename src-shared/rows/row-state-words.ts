/**
 * The words of a row's state (rows/row-state.ts): a cause shortened for a cell, a field's readable
 * name, and the wording of each way out. Shared by the grid, the error panel and the CLI.
 */

/** What the editor can do about a problem; the app offers it as a button, the CLI as an option. */
export type WayOut =
  'import-as-file' | 'shorten' | 'link' | 'change-external-id' | 'resubmit' | 'retry-upload' | 'fix-profile'

const LABEL_MAX = 90

/** The first sentence of a message, shortened for a cell; the full text stays in `reason`. */
export function shortCause(message: string): string {
  const first = /^(.+?[.!?])(\s|$)/.exec(message.trim())?.[1] ?? message.trim()
  return first.length > LABEL_MAX ? `${first.slice(0, LABEL_MAX - 1).trimEnd()}…` : first
}

const words = (handle: string): string => {
  const spaced = handle.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ')
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase()
}

/** `metadata.title` → "Title", `translations.fr.metadata.title` → "Title (fr)", `asset` → "File". */
export function defaultFieldLabel(field: string): string {
  const translated = /^translations\.([^.]+)\.(.+)$/.exec(field)
  if (translated) return `${defaultFieldLabel(translated[2] ?? '')} (${translated[1] ?? ''})`
  if (field === 'asset') return 'File'
  if (field === 'id') return 'Entry id'
  if (field === 'externalId' || field === 'systemName') return field
  const property = /^metadata\.([^.[]+)/.exec(field)?.[1]
  return words(property ?? field)
}

/** The wording of a way out, for buttons, the CLI and the tooltip. */
export const WAY_OUT_LABELS: Record<WayOut, string> = {
  'import-as-file': 'Import as file',
  shorten: 'Shorten',
  link: 'Link to the existing entry',
  'change-external-id': 'Change the externalId',
  resubmit: 'Re-submit',
  'retry-upload': 'Retry',
  'fix-profile': 'Fix the profile',
}
