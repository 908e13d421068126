/**
 * The row choices as the window sends them: each is one command to main, which decides per row
 * and answers why a row was not changed; that answer is put in front of the editor. The rows
 * themselves change through the session patch that follows.
 */
import { api } from '../../api'
import { reportFailure } from '../../store/report-failure'
import { useAppStore } from '../../store/app-store'
import { linkedPushQuestion } from './linked-push'
import { confirmChoice, describeChoice, type ManyRowsChoice } from './row-choices'

function tell(report: { done: number; refused: number; rows: { done: boolean; message: string }[] }, verb: string) {
  if (report.refused > 0) useAppStore.getState().reportError('row-choice-refused', describeChoice(report, verb))
}

export async function linkRows(rowIds: readonly string[]): Promise<void> {
  try {
    tell(await api.linkToExisting({ rowIds: [...rowIds] }), 'linked to the library entry')
  } catch (err) {
    reportFailure(err, 'Linking to the library entry')
  }
}

export async function importRowsAsFiles(rowIds: readonly string[]): Promise<void> {
  try {
    tell(await api.importAsFile({ rowIds: [...rowIds] }), 'now imported as files')
  } catch (err) {
    reportFailure(err, 'Importing as a file')
  }
}

/** "Shorten": values too long for their field cut at a word, as one undoable edit. */
export async function shortenRowValues(rowIds: readonly string[]): Promise<void> {
  try {
    tell(await api.shortenValues({ rowIds: [...rowIds] }), 'shortened')
  } catch (err) {
    reportFailure(err, 'Shortening values')
  }
}

/** "Retry": failed or cancelled uploads go again (checked first; a finished part is never re-sent). */
export async function retryRowUploads(rowIds: readonly string[], what = 'Retrying the uploads'): Promise<void> {
  try {
    await api.retryUploads({ rowIds: [...rowIds] })
  } catch (err) {
    reportFailure(err, what)
  }
}

/** "Fix the profile": the settings panel, where the profile's keys and buckets are edited and tested. */
export const openProfileSettings = (): void => useAppStore.getState().setPanel('settings')

export async function importRowsAgain(rowIds: readonly string[]): Promise<void> {
  try {
    tell(await api.importAgain({ rowIds: [...rowIds] }), 'going again as new entries')
  } catch (err) {
    reportFailure(err, 'Importing again as a new entry')
  }
}

/**
 * "Import again as a new entry" for one row, a selection or the error panel's group: it makes new
 * entries the library keeps beside the old ones, so it asks first, with the count and what happens.
 */
export function askImportAgain(rowIds: readonly string[]): void {
  if (rowIds.length > 0 && window.confirm(confirmChoice('again', rowIds.length))) void importRowsAgain(rowIds)
}

/**
 * "Send this row's metadata to the entry" on a linked row: main looks the entry up and lists the
 * fields that would change; only after the editor's yes is it sent (with the version shown, so a
 * change in Livingdocs meanwhile is a conflict on the row, never overwritten).
 */
export async function pushLinkedRow(rowId: string, relativePath: string): Promise<void> {
  const { reportError, columns } = useAppStore.getState()
  try {
    const preview = await api.previewLinkedPush({ rowId })
    const label = (field: string) => columns.find((c) => c.field === field)?.label ?? field
    const question = linkedPushQuestion(preview, relativePath, label)
    if (!question) {
      reportError('linked-push-none', `Library entry ${preview.mediaId} already holds the metadata of ${relativePath}.`)
      return
    }
    if (!window.confirm(question)) return
    const report = await api.pushLinkedMetadata({ rowIds: [rowId] })
    const failure = report.failed[0]
    if (failure) reportError('linked-push-failed', `${failure.relativePath}: ${failure.reason}`)
    else if (report.stopped) reportError('linked-push-stopped', report.stopped)
  } catch (err) {
    reportFailure(err, `Sending the metadata of ${relativePath} to its library entry`)
  }
}

/** "Re-submit" on one row: it goes again with its entry id unchanged (never a second entry). */
export async function resubmitRows(rowIds: readonly string[]): Promise<void> {
  try {
    const report = await api.submit({ rowIds: [...rowIds] })
    if (report.stopped) useAppStore.getState().reportError('resubmit-stopped', report.stopped.message)
  } catch (err) {
    reportFailure(err, 'Re-submitting')
  }
}

export async function openInEditor(mediaId: string): Promise<void> {
  try {
    const answer = await api.openInEditor({ mediaId })
    if (!answer.opened) useAppStore.getState().reportError('editor-not-opened', answer.message ?? answer.url)
  } catch (err) {
    reportFailure(err, `Opening entry ${mediaId} in Livingdocs`)
  }
}

/** Esc on a control inside a cell gives the keyboard back to the grid. */
export function backToGrid(e: { key: string; currentTarget: HTMLElement; preventDefault(): void }): void {
  if (e.key !== 'Escape') return
  e.preventDefault()
  e.currentTarget.closest<HTMLElement>('[role="grid"]')?.focus()
}

/** Enter or F2 on a cell without a value to edit moves the keyboard onto the cell's first control. */
export function focusCellControl(cellId: string): boolean {
  const control = document.getElementById(cellId)?.querySelector<HTMLElement>('button, a[href]')
  if (!control) return false
  control.focus()
  return true
}

/** Each way out the error panel applies to many rows at once (after asking with the count). */
export const manyRowsActions: Record<ManyRowsChoice, (rowIds: readonly string[]) => Promise<void>> = {
  link: linkRows,
  asFile: importRowsAsFiles,
  again: importRowsAgain,
  shorten: shortenRowValues,
  resubmit: resubmitRows,
  retry: (rowIds) => retryRowUploads(rowIds),
}
