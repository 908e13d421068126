/**
 * Saving an export where the editor chose (the `saveFile` host dependency): the save dialog's
 * options, the extension kept when the editor typed a name without one, and a write that never
 * leaves half a file under the chosen name (a temp file beside it, then a rename). No Electron
 * here, so it is tested without it; `save-file.ts` joins it to the dialog.
 */
import { randomUUID } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { SaveDialogOptions } from 'electron'

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.csv': { name: 'CSV (Excel, Google Sheets)', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
}

/** The dialog opens in `folder` with the suggested name filled in and asks before overwriting. */
export function saveDialogOptions(suggestedName: string, folder: string): SaveDialogOptions {
  const filter = FILTERS[extname(suggestedName).toLowerCase()]
  return {
    title: 'Save the import results',
    defaultPath: join(folder, suggestedName),
    buttonLabel: 'Save',
    filters: filter ? [filter] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}

/** The chosen path, with the suggested name's extension added when the editor typed none. */
export function withExtension(chosen: string, suggestedName: string): string {
  const wanted = extname(suggestedName)
  return extname(basename(chosen)) === '' && wanted !== '' ? chosen + wanted : chosen
}

/** Writes the file whole or not at all; answers the path written. */
export async function writeExportFile(path: string, content: string): Promise<string> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' })
    await rename(temp, path)
  } catch (err) {
    await rm(temp, { force: true })
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))
    throw new Error(`The results could not be saved to ${path} (${why}); choose another folder and export again.`, {
      cause: err,
    })
  }
  return path
}
