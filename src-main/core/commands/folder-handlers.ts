/**
 * `listFolders`: the folder chooser of the browser-served app (`media-import ui`), where no system
 * picker can open. The host lists (web/folder-listing.ts); the Electron app gives none, so there
 * the command is refused and a renderer cannot browse the disk through it.
 */
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import type { FolderListing } from '../../contract'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

export const folderSchemas = {
  listFolders: z
    .object({
      path: z
        .string()
        .min(1)
        .max(4096)
        .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
        .refine((p) => isAbsolute(p), 'path must be absolute (a full path such as /Users/ed/Photos)')
        .optional(),
    })
    .strict(),
}

/** Lists a folder's subfolders; no path: the user's home folder. */
export type ListFolders = (path: string | undefined) => Promise<FolderListing>

export function createFolderHandlers(listFolders: ListFolders | undefined): Pick<Handlers, 'listFolders'> {
  return {
    listFolders: async ({ path }) => {
      if (!listFolders) {
        throw new MediaImportError(
          'unavailable',
          'This window chooses folders with the system picker: "Choose folders…".',
        )
      }
      return listFolders(path)
    },
  }
}
