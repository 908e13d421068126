/**
 * A file replaced whole or not at all: the new content goes to a temp file beside it, is fsynced,
 * renamed over the old file, and the folder is fsynced so the rename itself survives a power cut.
 * A crash at any instant leaves either the old file or the new one, never half of one. The session
 * snapshot, the journal's own compaction (`journal.ts`) and the profile list all write this way.
 */
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { PRIVATE_FILE_MODE } from './private-mode'
import { writeAll } from './write-all'

export async function fsyncDir(dir: string): Promise<void> {
  // Makes a rename durable on POSIX; Windows cannot open a folder, and NTFS needs no such step.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* not supported on this platform */
  }
}

export interface AtomicWriteOptions {
  /** Runs after the temp file is synced and closed, just before the rename (e.g. close a handle on the old file: Windows cannot replace an open file). */
  beforeRename?: () => Promise<void>
}

/**
 * Writes `path` atomically; `fill` writes the content in as many pieces as it likes (a big file
 * never has to be one string). Answers the bytes written. On failure the temp file is removed (a
 * partial one would keep the space a full disk needs back) and the old file is left as it was.
 */
export async function writeFileAtomic(
  path: string,
  fill: (write: (data: string | Buffer) => Promise<void>) => Promise<void>,
  options: AtomicWriteOptions = {},
): Promise<number> {
  const temp = `${path}.tmp`
  let bytes = 0
  try {
    const out = await open(temp, 'w', PRIVATE_FILE_MODE)
    // A temp file left by a crash keeps its mode on 'w'; the file renamed from it must not.
    await out.chmod(PRIVATE_FILE_MODE).catch(() => undefined)
    try {
      await fill(async (data) => {
        bytes += await writeAll(out, data)
      })
      await out.sync()
    } finally {
      await out.close()
    }
    await options.beforeRename?.()
    await rename(temp, path)
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw err
  }
  await fsyncDir(dirname(path))
  return bytes
}
