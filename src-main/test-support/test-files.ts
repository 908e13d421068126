/** Generated source files for upload tests: random bytes (incompressible, unique) with their sha256. */
import { createHash, randomBytes } from 'node:crypto'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MediaKind, UploadInput } from '../core/storage/types'

export interface TestFile {
  path: string
  sha256: string
  input: UploadInput
}

export async function makeTestFile(
  dir: string,
  name: string,
  size: number,
  kind: MediaKind = 'file',
  extra: Partial<UploadInput> = {},
): Promise<TestFile> {
  const path = join(dir, name)
  const bytes = randomBytes(size)
  await writeFile(path, bytes)
  const info = await stat(path)
  const ext = name.split('.').pop() ?? 'bin'
  const mimeType = kind === 'video' ? 'video/mp4' : kind === 'image' ? 'image/jpeg' : 'application/octet-stream'
  return {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    input: { rowId: name, path, size: info.size, mtimeMs: info.mtimeMs, kind, mimeType, ext, ...extra },
  }
}
