import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ReadThread } from './read-thread'
import { tempDir, type TempDir } from './testing/probe-helpers'

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

describe.each([
  ['every file on the read thread', true],
  ['files that fit the head on the main thread, larger ones on the thread', false],
])('the hash pass, %s', (_, onThread) => {
  let dir: TempDir
  let thread = new ReadThread()
  // A small file read whole, and one of several read chunks (1 MB each) ending in a JPEG EOI
  // marker split across the chunk boundary's last byte.
  const small = Buffer.concat([Buffer.from([0xff, 0xd8]), randomBytes(5000), Buffer.from([0xff, 0xd9, 0x00])])
  const big = Buffer.concat([randomBytes((1 << 20) * 2 - 1), Buffer.from([0xff, 0xd9]), randomBytes(10)])
  beforeAll(async () => {
    dir = await tempDir('read-thread')
    await writeFile(dir.path('small.bin'), small)
    await writeFile(dir.path('big.bin'), big)
  })
  beforeEach(async () => {
    await thread.close()
    thread = new ReadThread(!onThread)
    if (onThread) await thread.ready()
  })
  afterAll(async () => {
    await thread.close()
    await dir.remove()
  })

  it('reads a small file whole: its hash, head, tail and last EOI marker', async () => {
    const read = await thread.read(dir.path('small.bin'), small.length, 256 * 1024)
    expect(read.sha256).toBe(sha256(small))
    expect(read.size).toBe(small.length)
    expect(read.head.equals(small)).toBe(true)
    expect(read.tail.equals(small.subarray(-64))).toBe(true)
    expect(read.lastEoi).toBe(small.length - 3)
  })

  it('reads a file larger than the head in chunks, keeping the head and the tail', async () => {
    const read = await thread.read(dir.path('big.bin'), big.length, 4096)
    expect(read.sha256).toBe(sha256(big))
    expect(read.size).toBe(big.length)
    expect(read.head.equals(big.subarray(0, 4096))).toBe(true)
    expect(read.tail.equals(big.subarray(-64))).toBe(true)
    expect(read.lastEoi).toBe(big.length - 12)
  })

  it('answers every file of one batch, and a missing file with its fs error code', async () => {
    const reads = await Promise.allSettled([
      thread.read(dir.path('small.bin'), small.length, 1024),
      thread.read(dir.path('missing.bin'), 10, 1024),
      thread.read(dir.path('big.bin'), big.length, 1024),
    ])
    expect(reads.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((reads[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'ENOENT' })
  })

  it('more files at once than shared-memory slots, and a head larger than a slot: each its own bytes', async () => {
    const many = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        i % 2
          ? thread.read(dir.path('small.bin'), small.length, 2048)
          : thread.read(dir.path('big.bin'), big.length, 2048),
      ),
    )
    many.forEach((read, i) => expect(read.head.equals((i % 2 ? small : big).subarray(0, 2048))).toBe(true))
    for (const read of many) read.release?.()
    const wide = await thread.read(dir.path('big.bin'), big.length, 512 * 1024)
    expect(wide.head.equals(big.subarray(0, 512 * 1024))).toBe(true)
  })

  it('starts again after close()', async () => {
    await thread.close()
    if (onThread) await thread.ready()
    expect((await thread.read(dir.path('small.bin'), small.length, 1024)).sha256).toBe(sha256(small))
  })
})
