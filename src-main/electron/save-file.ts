/** The `saveFile` host dependency: Electron's save dialog, attached to the main window, then the write. */
import { dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import type { SaveFile } from '../core/commands/data-handlers'
import { saveDialogOptions, withExtension, writeExportFile } from './export-file'

export function createFileSaver(mainWindow: () => BrowserWindow | null, folder: () => string): SaveFile {
  return async (suggestedName, content) => {
    const options = saveDialogOptions(suggestedName, folder())
    const window = mainWindow()
    // Looked up on each call (not destructured), like dialogs.ts, so an Electron e2e spec can stub it.
    const result =
      window && !window.isDestroyed()
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    return writeExportFile(withExtension(result.filePath, suggestedName), content)
  }
}
