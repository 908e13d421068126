import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chunkBuffers, readBuffers } from './buffer-pool'
import { SourceChangedError } from './classify-error'
import { partStream, READ_SIZE, readWholeFile } from './file-source'

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

  it("with the probe's sha256, a whole file is not hashed again (the signed PUT lets the store check it)", async () => {
    const info = await stat(path)
    const known = 'ab'.repeat(32)
    const whole = await readWholeFile({ path, size: bytes.length, mtimeMs: info.mtimeMs }, known)
    expect(whole.sha256).toBe(known)
    expect(whole.body.equals(bytes)).toBe(true)
  })

  it('piped into HTTP requests, chunks are used again once written, and every request gets its own bytes', async () => {
    // A server that reads slowly, so the client's socket fills and writes complete later than
    // they are made: a chunk given back before its write completed would be overwritten in flight.
    const server = createServer((req, res) => {
      const hash = createHash('sha256')
      req.pause()
      setTimeout(() => req.resume(), 30)
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk)
        req.pause()
        setTimeout(() => req.resume(), 1)
      })
      req.on('end', () => res.end(hash.digest('hex')))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    const p = join(dir, 'piped.bin')
    const big = randomBytes(24 * READ_SIZE + 777)
    await writeFile(p, big)
    const send = (start: number, end: number): Promise<string> =>
      new Promise((done, fail) => {
        const headers = { 'content-length': end - start }
        const req = request({ host: '127.0.0.1', port, method: 'PUT', headers }, (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () => done(text))
        })
        req.on('error', fail)
        partStream(p, start, end, () => undefined).pipe(req)
      })
    const ranges = [0, 1, 2, 3].map((i) => [i * 6 * READ_SIZE, (i + 1) * 6 * READ_SIZE + (i === 3 ? 777 : 0)])
    try {
      for (let round = 0; round < 2; round++) {
        const answers = await Promise.all(ranges.map(([start, end]) => send(start!, end!)))
        expect(answers).toEqual(ranges.map(([start, end]) => sha256(big.subarray(start, end))))
        expect(chunkBuffers.size).toBeGreaterThan(0)
      }
    } finally {
      await new Promise((done) => server.close(done))
    }
  })

  it('can be destroyed mid-read without leaking an error', async () => {
    const stream = partStream(path, 0, bytes.length, () => undefined)
    await new Promise<void>((done) => stream.once('data', () => done()))
    stream.destroy()
    await new Promise<void>((done) => stream.once('close', () => done()))
    expect(stream.destroyed).toBe(true)
  })
})
