import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HashAhead } from './hash-ahead'

describe('HashAhead', () => {
  let dir: string
  const files: { path: string; sha256: string }[] = []

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hash-ahead-'))
    for (let i = 0; i < 3; i++) {
      const bytes = randomBytes(2_000_000 + i)
      const path = join(dir, `f${i}`)
      await writeFile(path, bytes)
      files.push({ path, sha256: createHash('sha256').update(bytes).digest('hex') })
    }
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('computes requested hashes ahead and hands them out, on demand for the rest', async () => {
    const hashes = new HashAhead()
    const signal = new AbortController().signal
    for (const f of files.slice(0, 2)) hashes.request(f.path, f.path, 1)
    const [a, b, c] = files as [(typeof files)[0], (typeof files)[0], (typeof files)[0]]
    expect(await hashes.get(b.path, b.path, signal)).toBe(b.sha256)
    expect(await hashes.get(a.path, a.path, signal)).toBe(a.sha256)
    expect(await hashes.get(c.path, c.path, signal)).toBe(c.sha256)
    hashes.stop()
  })

  it('reports a missing file when asked, never as an unhandled rejection', async () => {
    const hashes = new HashAhead()
    const missing = join(dir, 'missing')
    hashes.request(missing, missing, 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expect(hashes.get(missing, missing, new AbortController().signal)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
