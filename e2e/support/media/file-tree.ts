/** Writes a folder tree described as { 'relative/path': contents } under a root. */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export type FileTree = Record<string, string | Uint8Array>

export async function writeFileTree(root: string, tree: FileTree): Promise<void> {
  for (const [relativePath, contents] of Object.entries(tree)) {
    const path = join(root, ...relativePath.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, contents)
  }
}

/** Bytes of a given length, for files whose size the test wants to choose. */
export function bytesOfLength(length: number, fill = 0x61): Buffer {
  return Buffer.alloc(length, fill)
}
