/**
 * Which way out a stuck row offers (pure), as core `rowState` names them: "link to the library's
 * entry" or "change the externalId" on an externalId conflict, "import as file" on a damaged image
 * or video the probe could still read, "shorten" a value too long, "re-submit" a failed submit,
 * "retry" a failed upload or "fix the profile" when its credentials or bucket are wrong, "import
 * again as a new entry" on a row already in the library. The status cell shows the row's choices;
 * the error panel applies one choice to every row that has it, the edit bar to the selection.
 */
import type { Row } from '../../../src-main/contract'
import { isTooLong, isVideoWithoutDuration, rowState, type WayOut } from '../../../src-shared/rows/row-state'
import { canPushLinked } from './linked-push'
import { canRetryUpload } from './upload-retry'

/** The library entry an externalId conflict row can be linked to, or undefined. */
export function linkTarget(row: Row): string | undefined {
  if (row.status !== 'conflict') return undefined
  return row.conflict?.field === 'externalId' ? row.conflict.existing.mediaId : undefined
}

/** A damaged image or video the probe could still read, or a video without duration (core `rowState`). */
export const canImportAsFile = (row: Row): boolean =>
  (row.status === 'unreadable' && row.probeError?.canImportAsFile === true) || isVideoWithoutDuration(row)

/** A row the library already holds can still go as a new entry, on purpose. */
export const canImportAgain = (row: Row): boolean => row.status === 'in-library'

/** A row whose submit failed for a reason worth another try: "Re-submit" on the row (core `rowState`). */
export const canResubmit = (row: Row): boolean => {
  const state = rowState(row)
  return state.kind === 'failed' && state.waysOut.includes('resubmit')
}

const offers = (row: Row, way: WayOut): boolean => rowState(row).waysOut.includes(way)

/** Values too long for their field: "Shorten" cuts them at a word (core/editing/shorten-values.ts). */
export const valuesToShorten = (row: Row): number =>
  offers(row, 'shorten') ? (row.issues ?? []).filter(isTooLong).length : 0

/** An externalId the library or another row holds: the editor can type another one (once typed, the conflict is gone). */
export const canChangeExternalId = (row: Row): boolean =>
  (row.status !== 'conflict' || row.conflict?.field === 'externalId') && offers(row, 'change-external-id')

/** An upload refused for the profile's credentials or bucket: Retry alone will not help. */
export const needsProfileFix = (row: Row): boolean => offers(row, 'fix-profile')

export const hasRowChoices = (row: Row): boolean =>
  linkTarget(row) !== undefined ||
  canImportAsFile(row) ||
  canImportAgain(row) ||
  canResubmit(row) ||
  valuesToShorten(row) > 0 ||
  canChangeExternalId(row) ||
  canRetryUpload(row) ||
  needsProfileFix(row) ||
  canPushLinked(row)

/** A way out the error panel applies to many rows at once (after asking with the count). */
export type ManyRowsChoice = 'link' | 'asFile' | 'again' | 'shorten' | 'resubmit' | 'retry'

export type ChoiceGroups = Record<ManyRowsChoice, string[]> & {
  /** Values the `shorten` rows hold that are too long (the count the question names). */
  shortenValues: number
  /** Rows whose upload needs the profile fixed first. */
  fixProfile: number
}

/** What one row adds to the error panel's ways out (choiceGroups; store/choice-tracker.ts follows patches with it). */
export interface RowChoiceShare {
  choices: ManyRowsChoice[]
  shortenValues: number
  fixProfile: boolean
}

export function rowChoiceShare(row: Row): RowChoiceShare {
  const choices: ManyRowsChoice[] = []
  if (linkTarget(row) !== undefined) choices.push('link')
  else if (canImportAsFile(row)) choices.push('asFile')
  else if (canImportAgain(row)) choices.push('again')
  const shortenValues = valuesToShorten(row)
  if (shortenValues > 0) choices.push('shorten')
  if (canResubmit(row)) choices.push('resubmit')
  const fixProfile = needsProfileFix(row)
  if (!fixProfile && canRetryUpload(row)) choices.push('retry')
  return { choices, shortenValues, fixProfile }
}

export const noChoiceGroups = (): ChoiceGroups => ({
  link: [],
  asFile: [],
  again: [],
  shorten: [],
  resubmit: [],
  retry: [],
  shortenValues: 0,
  fixProfile: 0,
})

export function choiceGroups(rows: Iterable<Row>): ChoiceGroups {
  const groups = noChoiceGroups()
  for (const row of rows) {
    const share = rowChoiceShare(row)
    for (const choice of share.choices) groups[choice].push(row.rowId)
    groups.shortenValues += share.shortenValues
    if (share.fixProfile) groups.fixProfile++
  }
  return groups
}

/** The selected rows "Import again as new entries" applies to (the others keep what they are). */
export function importAgainTargets(rows: ReadonlyMap<string, Row>, selected: Iterable<string>): string[] {
  const out: string[] = []
  for (const rowId of selected) {
    const row = rows.get(rowId)
    if (row && canImportAgain(row)) out.push(rowId)
  }
  return out
}

/** One line for the editor after a choice was applied: how many rows took it, and why others did not. */
export function describeChoice(
  report: { done: number; refused: number; rows: { done: boolean; message: string }[] },
  verb: string,
): string {
  const done = `${report.done.toLocaleString('en')} row${report.done === 1 ? '' : 's'} ${verb}.`
  if (report.refused === 0) return done
  const first = report.rows.find((r) => !r.done)?.message ?? ''
  const more = report.refused > 1 ? ` (and ${(report.refused - 1).toLocaleString('en')} more not changed)` : ''
  return `${done} Not changed: ${first}${more}`
}

const many = (count: number, one: string, more = `${one}s`): string =>
  `${count.toLocaleString('en')} ${count === 1 ? one : more}`

/**
 * The one question asked before a choice changes many rows at once: the count first, then what
 * happens. `count` is rows, or values for `shorten`.
 */
export function confirmChoice(choice: ManyRowsChoice, count: number): string {
  switch (choice) {
    case 'link':
      return `Link ${many(count, 'row')} to the entries the library already holds? Nothing is sent for them; they count as imported.`
    case 'asFile':
      return `Import ${many(count, 'row')} as plain files? Their uploads start now, and they go to the file media type.`
    case 'again': {
      const one = count === 1
      return (
        `${many(count, 'file')} will become ${one ? 'a new entry with a new id' : 'new entries with new ids'}; ` +
        `the existing ${one ? 'entry stays' : 'entries stay'}, so the library will hold ${one ? 'this content' : 'each content'} twice. ` +
        `Each gets a new identity (sha256-…-again-<time>), uploads now and goes with the next submit. Import ${one ? 'it' : 'them'} again?`
      )
    }
    case 'shorten':
      return `Shorten ${many(count, 'value')}? Each is cut at a word to its field's limit and marked shortened; Undo brings the text back.`
    case 'resubmit':
      return `Re-submit ${many(count, 'row')}? Each goes again with its entry id, never as a second entry.`
    case 'retry':
      return `Retry ${many(count, 'upload')}? Each file is checked again and continues where it stopped.`
  }
}
