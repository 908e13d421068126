/** The system picker's options per contract `pickPaths` kind. Pure; `dialogs.ts` passes them to Electron. */
import type { OpenDialogOptions } from 'electron'

export type PickKind = 'folders' | 'files'

export function openDialogOptions(kind: PickKind): OpenDialogOptions {
  return kind === 'folders'
    ? { title: 'Choose folders to import', properties: ['openDirectory', 'multiSelections'] }
    : { title: 'Choose files to import', properties: ['openFile', 'multiSelections'] }
}
