import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBuffers } from './buffer-pool'
import { SourceChangedError } from './classify-error'
import { hashFile, partStream, READ_SIZE, readWholeFile } from './file-source'

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('file-source', () => {
  let dir: string
  const bytes = randomBytes(2 * READ_SIZE + 12_345)
  let path: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-source-'))
    path = join(dir, 'f.bin')
    await writeFile(path, bytes)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('hashes files of every size around the read size', async () => {
    for (const size of [0, 1, READ_SIZE - 1, READ_SIZE, READ_SIZE + 1, bytes.length]) {
      const p = join(dir, `h${size}`)
      await writeFile(p, bytes.subarray(0, size))
      expect(await hashFile(p)).toBe(sha256(bytes.subarray(0, size)))
    }
  })

  it('stops hashing when aborted', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(hashFile(path, controller.signal)).rejects.toThrow('stop')
  })

  it('reads a whole file once, and refuses one that grew or shrank since the scan', async () => {
    const info = await stat(path)
    const whole = await readWholeFile({ path, size: bytes.length, mtimeMs: info.mtimeMs })
    expect(whole.body.equals(bytes)).toBe(true)
    expect(whole.sha256).toBe(sha256(bytes))
    await expect(readWholeFile({ path, size: bytes.length - 1, mtimeMs: 0 })).rejects.toThrow(SourceChangedError)
    await expect(readWholeFile({ path, size: bytes.length + 1, mtimeMs: 0 })).rejects.toThrow(SourceChangedError)
  })

  it('streams exactly the bytes of a range and counts each one', async () => {
    for (const [start, end] of [
      [0, bytes.length],
      [READ_SIZE - 7, 2 * READ_SIZE + 100],
      [5, 5],
    ] as const) {
      let counted = 0
      const got = await collect(partStream(path, start, end, (n) => (counted += n)))
      expect(got.equals(bytes.subarray(start, end))).toBe(true)
      expect(counted).toBe(end - start)
    }
  })

  it('fails a part whose file was truncated instead of leaving the server waiting', async () => {
    const p = join(dir, 'short.bin')
    await writeFile(p, bytes)
    await truncate(p, READ_SIZE + 10)
    await expect(collect(partStream(p, 0, bytes.length, () => undefined))).rejects.toThrow(SourceChangedError)
  })

  it('hands a whole-file buffer back for the next file, which then reads its own bytes', async () => {
    const info = await stat(path)
    const first = await readWholeFile({ path, size: bytes.length, mtimeMs: info.mtimeMs })
    const before = readBuffers.size
    first.recycle()
    expect(readBuffers.size).toBe(before + first.body.buffer.byteLength)
    const p = join(dir, 'other.bin')
    const other = randomBytes(bytes.length - 5)
    await writeFile(p, other)
    const second = await readWholeFile({ path: p, size: other.length, mtimeMs: 0 })
    expect(second.body.buffer).toBe(first.body.buffer)
    expect(second.body.equals(other)).toBe(true)
    expect(second.sha256).toBe(sha256(other))
  })

  it('can be destroyed mid-read without leaking an error', async () => {
    const stream = partStream(path, 0, bytes.length, () => undefined)
    await new Promise<void>((done) => stream.once('data', () => done()))
    stream.destroy()
    await new Promise<void>((done) => stream.once('close', () => done()))
    expect(stream.destroyed).toBe(true)
  })
})
