/**
 * The file-per-language commands from the grid (the cell's buttons, Enter/F2 and Delete on the
 * cell). Main probes, uploads and answers; the row arrives as a patch. A refusal or an unreadable
 * file is put in front of the editor with main's words (which row, which language, what to do).
 */
import { api } from '../../api'
import { reportFailure } from '../../store/report-failure'

export async function chooseLocaleAsset(rowId: string, locale: string): Promise<void> {
  try {
    await api.pickLocaleAsset({ rowId, locale })
  } catch (err) {
    reportFailure(err, `Could not use the ${locale} file`)
  }
}

export async function clearLocaleAsset(rowId: string, locale: string): Promise<void> {
  try {
    await api.clearLocaleAsset({ rowId, locale })
  } catch (err) {
    reportFailure(err, `Could not clear the ${locale} file`)
  }
}
