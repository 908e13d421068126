/** The `pickPaths` host dependency: Electron's open dialog, attached to the main window. */
import { dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import type { AllowedPaths } from '../core/commands/allowed-paths'
import { openDialogOptions } from './dialog-options'
import type { PickKind } from './dialog-options'

export function createPathPicker(mainWindow: () => BrowserWindow | null, allowed: AllowedPaths) {
  return async (kind: PickKind): Promise<string[]> => {
    const options = openDialogOptions(kind)
    const window = mainWindow()
    // `dialog.showOpenDialog` is looked up on each call (not destructured) so the Electron e2e
    // spec can stub it from the main process.
    const result =
      window && !window.isDestroyed()
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
    if (result.canceled) return []
    allowed.remember(result.filePaths)
    return result.filePaths
  }
}
