/**
 * Which way out a stuck row offers (pure): "link to the library's entry" on an externalId
 * conflict, "import as file" on a damaged image or video the probe could still read, "import
 * again as a new entry" on a row already in the library. The status cell shows the row's choices;
 * the error panel applies one choice to every row that has it, the edit bar to the selection.
 */
import type { Row } from '../../../src-main/contract'
import { isVideoWithoutDuration, rowState } from '../../../src-main/core/session/row-state'
import { canPushLinked } from './linked-push'

/** The library entry an externalId conflict row can be linked to, or undefined. */
export function linkTarget(row: Row): string | undefined {
  if (row.status !== 'conflict' || row.result) return undefined
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

export const hasRowChoices = (row: Row): boolean =>
  linkTarget(row) !== undefined || canImportAsFile(row) || canImportAgain(row) || canResubmit(row) || canPushLinked(row)

export interface ChoiceGroups {
  /** Rows that can be linked to the entry the library already holds. */
  link: string[]
  /** Rows that can be imported as plain files. */
  asFile: string[]
  /** Rows "Already in the library" that can be imported again as new entries. */
  again: string[]
}

export function choiceGroups(rows: Iterable<Row>): ChoiceGroups {
  const groups: ChoiceGroups = { link: [], asFile: [], again: [] }
  for (const row of rows) {
    if (linkTarget(row) !== undefined) groups.link.push(row.rowId)
    else if (canImportAsFile(row)) groups.asFile.push(row.rowId)
    else if (canImportAgain(row)) groups.again.push(row.rowId)
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

/** The question asked before one choice changes many rows at once: the count first, then what happens. */
export function confirmChoice(choice: 'link' | 'asFile' | 'again', rows: number): string {
  const n = rows.toLocaleString('en')
  const one = rows === 1
  if (choice === 'again') {
    return (
      `${n} ${one ? 'file' : 'files'} will become ${one ? 'a new entry with a new id' : 'new entries with new ids'}; ` +
      `the existing ${one ? 'entry stays' : 'entries stay'}, so the library will hold ${one ? 'this content' : 'each content'} twice. ` +
      `Each gets a new identity (sha256-…-again-<time>), uploads now and goes with the next submit. Import ${one ? 'it' : 'them'} again?`
    )
  }
  return choice === 'link'
    ? `Link ${n} row${one ? '' : 's'} to the entries the library already holds? Nothing is sent for them; they count as imported.`
    : `Import ${n} row${one ? '' : 's'} as plain files? Their uploads start now, and they go to the file media type.`
}
