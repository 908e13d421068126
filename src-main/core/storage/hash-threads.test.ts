import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HashThreads } from './hash-threads'

describe('HashThreads', () => {
  let dir: string
  const files: { path: string; sha256: string }[] = []
  const never = new AbortController().signal

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hash-threads-'))
    // Sizes around the thread's 1 MiB read: empty, one byte, exactly one read, one byte over.
    for (const size of [0, 1, 1024 * 1024, 1024 * 1024 + 1, 5_000_000]) {
      const bytes = randomBytes(size)
      const path = join(dir, `f${size}`)
      await writeFile(path, bytes)
      files.push({ path, sha256: createHash('sha256').update(bytes).digest('hex') })
    }
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('hashes more files than it has threads, each to its own sha256', async () => {
    const threads = new HashThreads(2)
    const got = await Promise.all(files.map((f) => threads.hash(f.path, never)))
    expect(got).toEqual(files.map((f) => f.sha256))
    threads.stop()
  })

  it("rejects with the fs error's code, so the row says the file is gone", async () => {
    const threads = new HashThreads(1)
    await expect(threads.hash(join(dir, 'missing'), never)).rejects.toMatchObject({ code: 'ENOENT', syscall: 'open' })
    await expect(threads.hash(dir, never)).rejects.toMatchObject({ code: 'EISDIR' })
    // The thread survives an error and hashes the next file.
    const f = files[1] as (typeof files)[0]
    expect(await threads.hash(f.path, never)).toBe(f.sha256)
    threads.stop()
  })

  it('stops a hash when its signal aborts, and the thread takes the next file', async () => {
    const big = join(dir, 'big')
    await writeFile(big, Buffer.alloc(256 * 1024 * 1024, 7))
    const threads = new HashThreads(1)
    const controller = new AbortController()
    const hashing = threads.hash(big, controller.signal)
    setTimeout(() => controller.abort(new Error('cancelled by the editor')), 20)
    // A hash that ran to its end would resolve: the rejection shows the thread stopped reading.
    await expect(hashing).rejects.toThrow('cancelled by the editor')
    const f = files[4] as (typeof files)[0]
    expect(await threads.hash(f.path, never)).toBe(f.sha256)
    threads.stop()
    await rm(big)
  })

  it('rejects a file that cannot be read with EACCES (skipped as root, which reads any mode)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip()
    const locked = join(dir, 'locked')
    await writeFile(locked, 'x')
    await chmod(locked, 0)
    const threads = new HashThreads(1)
    await expect(threads.hash(locked, never)).rejects.toMatchObject({ code: 'EACCES' })
    threads.stop()
  })

  it('rejects waiting and running hashes on stop, and every later one', async () => {
    const threads = new HashThreads(1)
    const f = files[4] as (typeof files)[0]
    const running = threads.hash(f.path, never)
    const waiting = threads.hash(f.path, never)
    threads.stop()
    await expect(waiting).rejects.toThrow('stopped')
    await expect(running).rejects.toThrow()
    await expect(threads.hash(f.path, never)).rejects.toThrow('stopped')
  })
})
