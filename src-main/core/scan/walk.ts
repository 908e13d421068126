/**
 * Walks dropped paths (files and folders mixed) and yields batches of files as it goes.
 * First version for the walking skeleton; the ingest work extends it (symlink loops,
 * OS files, duplicates).
 */
import { lstat, opendir, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import type { ScanOptions, ScannedFile } from './scanned-file'

const isHidden = (name: string): boolean => name.startsWith('.')

function toRelative(root: string, path: string): string {
  return relative(dirname(root), path).split(sep).join('/')
}

export async function* walkPaths(paths: readonly string[], options: ScanOptions = {}): AsyncGenerator<ScannedFile[]> {
  const batchSize = options.batchSize ?? 200
  let batch: ScannedFile[] = []
  const emit = (file: ScannedFile): ScannedFile[] | undefined => {
    if (file.status === 'skipped' && !options.includeSkipped) return undefined
    batch.push(file)
    if (batch.length < batchSize) return undefined
    const full = batch
    batch = []
    return full
  }

  for (const root of paths) {
    const stack: string[] = [root]
    while (stack.length > 0) {
      options.signal?.throwIfAborted()
      const path = stack.pop() as string
      const relativePath = toRelative(root, path)
      let info
      try {
        info = await stat(path)
      } catch (err) {
        const linkExists = await lstat(path).then(() => true, () => false)
        const reason = linkExists ? 'broken link' : (err as NodeJS.ErrnoException).code ?? String(err)
        const full = emit({ path, relativePath, size: 0, mtimeMs: 0, status: 'error', reason })
        if (full) yield full
        continue
      }
      if (info.isDirectory()) {
        try {
          const dir = await opendir(path)
          const children: string[] = []
          for await (const entry of dir) children.push(join(path, entry.name))
          children.sort().reverse()
          stack.push(...children)
        } catch (err) {
          const full = emit({ path, relativePath, size: 0, mtimeMs: 0, status: 'error', reason: (err as NodeJS.ErrnoException).code ?? String(err) })
          if (full) yield full
        }
        continue
      }
      if (!info.isFile()) continue
      const hidden = isHidden(basename(path))
      const full = emit({
        path,
        relativePath,
        size: info.size,
        mtimeMs: info.mtimeMs,
        status: hidden ? 'skipped' : 'ok',
        ...(hidden ? { reason: 'hidden file' } : {}),
      })
      if (full) yield full
    }
  }
  if (batch.length > 0) yield batch
}
