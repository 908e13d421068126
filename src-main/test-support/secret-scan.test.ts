/** The scanner must find every spelling of a leak, or a clean result from it means nothing. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { filesUnder, findSecrets, leakSpellings } from './secret-scan'

const secret = 'S3cret/Key+With=Odd~Chars-123'

describe('findSecrets', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secret-scan-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('finds nothing in clean files and walks nested folders', async () => {
    await mkdir(join(dir, 'clean', 'a', 'b'), { recursive: true })
    await writeFile(join(dir, 'clean', 'a', 'b', 'log.ndjson'), '{"msg":"nothing here [redacted]"}\n')
    expect(await filesUnder(join(dir, 'clean'))).toHaveLength(1)
    expect(await findSecrets([join(dir, 'clean')], [secret])).toEqual([])
  })

  it.each([
    ['raw', (s: string) => `token=${s}`],
    ['url-encoded', (s: string) => `?k=${encodeURIComponent(s)}&x=1`],
    ['json-escaped', (s: string) => JSON.stringify({ k: `a"${s}` })],
    ['base64, aligned', (s: string) => Buffer.from(s).toString('base64')],
    ['base64, one byte in', (s: string) => `Basic ${Buffer.from(`u:${s}`).toString('base64')}`],
    ['base64, two bytes in', (s: string) => Buffer.from(`us${s}!`).toString('base64')],
    ['base64url, three bytes in', (s: string) => Buffer.from(`use${s}?`).toString('base64url')],
    ['hex', (s: string) => Buffer.from(s).toString('hex')],
  ])('finds a planted %s leak', async (name, plant) => {
    const folder = join(dir, name.replace(/\W+/g, '-'))
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'leak.txt'), `line before\n${plant(secret)}\nline after\n`)
    const hits = await findSecrets([folder], [secret])
    expect(hits.length, name).toBeGreaterThan(0)
    expect(hits[0]?.file).toBe('leak.txt')
  })

  it('finds a UTF-16 leak inside binary data', async () => {
    const folder = join(dir, 'binary')
    await mkdir(folder)
    await writeFile(join(folder, 'blob.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret, 'utf16le')]))
    expect((await findSecrets([folder], [secret])).map((h) => h.spelling)).toContain('utf16le')
  })

  it('spells a secret several ways', () => {
    expect(leakSpellings(secret).map((s) => s.name)).toEqual(
      expect.arrayContaining(['raw', 'url-encoded', 'json-escaped', 'hex', 'utf16le', 'base64#0']),
    )
  })
})
