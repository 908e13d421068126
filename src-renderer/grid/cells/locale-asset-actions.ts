/**
 * The file-per-language commands from the grid (the cell's buttons). Main probes, uploads and
 * answers with the undo history (a choice is one undoable step); the row arrives as a patch. A
 * refusal or an unreadable file is put in front of the editor with main's words (which row, which
 * language, what to do).
 */
import type { LocaleAssetAnswer } from '../../../src-main/contract'
import { api } from '../../api'
import { useAppStore } from '../../store/app-store'
import { reportFailure } from '../../store/report-failure'

const settle = (answer: LocaleAssetAnswer): void => {
  if (answer.history) useAppStore.getState().setHistory(answer.history)
}

export async function chooseLocaleAsset(rowId: string, locale: string): Promise<void> {
  try {
    settle(await api.pickLocaleAsset({ rowId, locale }))
  } catch (err) {
    reportFailure(err, `Could not use the ${locale} file`)
  }
}

export async function clearLocaleAsset(rowId: string, locale: string): Promise<void> {
  try {
    settle(await api.clearLocaleAsset({ rowId, locale }))
  } catch (err) {
    reportFailure(err, `Could not clear the ${locale} file`)
  }
}
