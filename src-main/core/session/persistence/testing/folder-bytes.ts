/** Every file of a folder as hex, for tests that prove a reader wrote nothing there. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export const folderBytes = async (folder: string): Promise<Record<string, string>> =>
  Object.fromEntries(
    await Promise.all((await readdir(folder)).map(async (name) => [name, await readFile(join(folder, name), 'hex')])),
  ) as Record<string, string>
