/**
 * A real full disk for tests: a 64 KiB tmpfs mounted on a temp folder. Mounting needs root (CI
 * runs as root); `mountTinyDisk` answers false elsewhere and the test skips, saying why.
 */
import { execFileSync } from 'node:child_process'
import { open } from 'node:fs/promises'

export function mountTinyDisk(dir: string): boolean {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Lazy: a test that failed half-way may still hold a file open there, which makes the disk busy. */
export function unmountTinyDisk(dir: string): void {
  execFileSync('umount', ['-l', dir])
}

/** Writes `path` until the disk refuses: the disk is then full. Deleting `path` frees it again. */
export async function fillDisk(path: string): Promise<void> {
  const handle = await open(path, 'w')
  const page = Buffer.alloc(4096, 1)
  try {
    for (;;) await handle.write(page)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  } finally {
    await handle.close()
  }
}
