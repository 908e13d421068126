/**
 * The browser's folder chooser lists folders on the server (which is this computer): a browser
 * never tells a page where dropped files live. Only folder names are answered, never files or
 * their contents; hidden folders (a leading dot: ~/.ssh, .git) are left out, and a long listing
 * is cut so one huge folder cannot stall the page.
 */
import type { Dirent } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { FolderListing } from '../contract'
import { MediaImportError } from '../core/commands/errors'

export const MAX_FOLDERS_LISTED = 2000

async function isFolder(parent: string, entry: Dirent): Promise<boolean> {
  if (entry.isDirectory()) return true
  // A link to a folder is offered like a folder; the scan decides later whether to follow links inside.
  if (!entry.isSymbolicLink()) return false
  return stat(join(parent, entry.name)).then(
    (info) => info.isDirectory(),
    () => false,
  )
}

function cannotList(path: string, err: unknown): MediaImportError {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return new MediaImportError('folder-not-found', `The folder ${path} does not exist (any more): choose another one.`)
  if (code === 'ENOTDIR')
    return new MediaImportError('not-a-folder', `${path} is a file, not a folder: choose its folder instead.`)
  if (code === 'EACCES' || code === 'EPERM') {
    return new MediaImportError(
      'folder-unreadable',
      `The folder ${path} cannot be read with your permissions: choose another one.`,
    )
  }
  return new MediaImportError(
    'folder-unreadable',
    `The folder ${path} cannot be read: ${(err as Error).message ?? String(err)}`,
  )
}

export async function listFolders(path: string | undefined, home = homedir()): Promise<FolderListing> {
  const folder = resolve(path ?? home)
  let entries: Dirent[]
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (err) {
    throw cannotList(folder, err)
  }
  const visible = entries.filter((e) => !e.name.startsWith('.'))
  const found: string[] = []
  for (const entry of visible) if (await isFolder(folder, entry)) found.push(entry.name)
  found.sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }))
  const parent = dirname(folder)
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    folders: found.slice(0, MAX_FOLDERS_LISTED).map((name) => ({ name, path: join(folder, name) })),
    truncated: found.length > MAX_FOLDERS_LISTED,
  }
}
