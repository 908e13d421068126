/**
 * The upload bench's source tree: many small files, a few medium ones and optionally one big one,
 * random bytes (incompressible, no two alike). Generated once per shape under bench/.data (a
 * folder named after the shape) and reused.
 */
import { randomFillSync } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, stat } from 'node:fs/promises'
import { join } from 'node:path'

export interface TreeShape {
  small: number
  smallBytes: number
  medium: number
  mediumBytes: number
  /** 0 for none. */
  bigBytes: number
}

export interface TreeFile {
  path: string
  /** Path inside the tree, `/`-separated. */
  relative: string
  size: number
  mtimeMs: number
}

function plan(shape: TreeShape): { relative: string; size: number }[] {
  const files: { relative: string; size: number }[] = []
  for (let i = 0; i < shape.small; i++)
    files.push({ relative: `photos/${String(i).padStart(4, '0')}.jpg`, size: shape.smallBytes })
  for (let i = 0; i < shape.medium; i++) files.push({ relative: `videos/clip-${i}.mp4`, size: shape.mediumBytes })
  if (shape.bigBytes > 0) files.push({ relative: 'videos/big.mp4', size: shape.bigBytes })
  return files
}

async function writeRandomFile(path: string, size: number): Promise<void> {
  const chunk = Buffer.allocUnsafe(Math.min(size, 4 * 1024 * 1024))
  const handle = await open(path, 'w')
  try {
    for (let written = 0; written < size;) {
      const n = Math.min(chunk.length, size - written)
      randomFillSync(chunk, 0, n)
      await handle.write(chunk, 0, n)
      written += n
    }
  } finally {
    await handle.close()
  }
}

const MiB = 1024 * 1024

/** `500x1M-4x64M-2048M`: one folder per shape, so trying another shape never discards a tree. */
export function shapeName(shape: TreeShape): string {
  const mib = (n: number): string => `${+(n / MiB).toFixed(3)}M`
  return `${shape.small}x${mib(shape.smallBytes)}-${shape.medium}x${mib(shape.mediumBytes)}-${mib(shape.bigBytes)}`
}

/** Makes sure `root` holds the planned files (it never deletes anything); returns them. */
export async function ensureTree(root: string, shape: TreeShape, log: (line: string) => void): Promise<TreeFile[]> {
  const wanted = plan(shape)
  for (const sub of ['photos', 'videos']) await mkdir(join(root, sub), { recursive: true })
  const out: TreeFile[] = []
  let generated = 0
  for (const file of wanted) {
    const path = join(root, file.relative)
    let info = await stat(path).catch(() => undefined)
    if (!info || info.size !== file.size) {
      await writeRandomFile(path, file.size)
      generated += file.size
      info = await stat(path)
    }
    out.push({ path, relative: file.relative, size: info.size, mtimeMs: info.mtimeMs })
  }
  if (generated > 0) log(`generated ${(generated / 1e6).toFixed(0)} MB of test files under ${root}`)
  return out
}

/** Reads every file once so each client starts from the same warm page cache. */
export async function warmCache(files: readonly TreeFile[]): Promise<void> {
  for (const file of files) {
    for await (const _chunk of createReadStream(file.path, { highWaterMark: 4 * 1024 * 1024 })) {
      // reading is the point
    }
  }
}
