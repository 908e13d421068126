import { createHash } from 'node:crypto'
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callUnprivileged } from '../scan/testing/unprivileged'
import { makeImage } from './fixtures/generate'
import type { ProbedFile } from './probe-stream'
import { codes, fixture, probe, tempDir, type TempDir } from './testing/probe-helpers'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('probe-files')
})
afterAll(async () => dir.remove())

describe('probe: kinds, names and damaged files', () => {
  it('hashes every byte, in the same pass, also beyond the head kept in memory', async () => {
    const path = dir.path('big.bin')
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7)
    bytes.write('not a media file', 1000)
    await writeFile(path, bytes)
    const result = await probe(path, 4096)
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(result).toMatchObject({ kind: 'file', mimeType: 'application/octet-stream', size: bytes.length })
  })

  it('calls an empty file an error, with nothing to import', async () => {
    await writeFile(dir.path('empty.jpg'), '')
    const result = await probe(dir.path('empty.jpg'))
    expect(result.error).toMatchObject({ code: 'empty', canImportAsFile: false })
    expect(result.sha256).toBe(createHash('sha256').digest('hex'))
  })

  it('detects a file without an extension from its bytes and says the name has none', async () => {
    await makeImage(dir.path('photo.jpg'), 10, 10)
    await copyFile(dir.path('photo.jpg'), dir.path('IMG_0001'))
    const result = await probe(dir.path('IMG_0001'))
    expect(result).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' })
    expect(codes(result)).toEqual(['no-extension'])
  })

  it('trusts the bytes over a wrong extension and warns on the row', async () => {
    await makeImage(dir.path('real.jpg'), 10, 10)
    await copyFile(dir.path('real.jpg'), dir.path('mislabeled.png'))
    const result = await probe(dir.path('mislabeled.png'))
    expect(result).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' })
    expect(result.warnings).toEqual([
      {
        code: 'extension-mismatch',
        message: 'The name says .png but the content is JPEG (image/jpeg); it is imported as JPEG.',
      },
    ])
    const video = await readFile(fixture('no-index.mp4'))
    await writeFile(dir.path('clip.jpg'), video)
    expect((await probe(dir.path('clip.jpg'))).mimeType).toBe('video/mp4')
  })

  it('keeps an extension that fits (.jpeg stays .jpeg)', async () => {
    await makeImage(dir.path('x.jpeg'), 10, 10)
    expect(await probe(dir.path('x.jpeg'))).toMatchObject({ extension: 'jpeg', warnings: [] })
  })

  it('reads files with unicode and NFD names', async () => {
    const nfd = dir.path('Cafe\u0301 Zu\u0308rich.jpg')
    await makeImage(nfd, 12, 8)
    expect(await probe(nfd)).toMatchObject({ kind: 'image', width: 12, height: 8 })
    const cjk = dir.path('写真 📷.png')
    await makeImage(cjk, 5, 5)
    expect(await probe(cjk)).toMatchObject({ kind: 'image', mimeType: 'image/png' })
  })

  it.each([
    ['notes.txt', 'Plain text\nsecond line\n', 'text/plain'],
    ['list.csv', 'a,b\n1,2\n', 'text/csv'],
    ['data', '{"a": [1, 2]}', 'application/json'],
    ['page.html', '<!doctype html><html><body>hi</body></html>', 'text/html'],
    ['feed.xml', '<?xml version="1.0"?><rss><channel/></rss>', 'application/xml'],
    ['inline.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"/>', 'image/svg+xml'],
  ])('sniffs text: %s is %s', async (name, content, mime) => {
    await writeFile(dir.path(name), content)
    expect((await probe(dir.path(name))).mimeType).toBe(mime)
  })

  it('imports image formats the Media Library cannot show as files, saying so', async () => {
    const ico = await makeImage(dir.path('favicon.ico'), 16, 16)
    const result = await probe(ico)
    expect(result).toMatchObject({ kind: 'file', mimeType: 'image/x-icon' })
    expect(codes(result)).toContain('unsupported-image')
  })

  it('detects a PDF as a file by its bytes', async () => {
    const pdf = dir.path('doc.pdf')
    // The smallest well-formed PDF: a catalog, an empty page tree, xref and trailer.
    await writeFile(
      pdf,
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
        'trailer<</Root 1 0 R>>\n%%EOF\n',
    )
    expect(await probe(pdf)).toMatchObject({ kind: 'file', mimeType: 'application/pdf', extension: 'pdf' })
  })

  it('gives a file this account may not read a row error with the reason', async () => {
    const locked = dir.path('locked.jpg')
    await makeImage(locked, 10, 10)
    await chmod(locked, 0o000)
    await chmod(resolve(locked, '..'), 0o755)
    const items = (await callUnprivileged(resolve(__dirname, 'testing/probe-one.ts'), 'probeOne', [
      locked,
    ])) as ProbedFile[]
    expect(items[0]?.probe?.error).toMatchObject({ code: 'unreadable', canImportAsFile: false })
    expect(items[0]?.probe?.error?.message).toMatch(/^Cannot read the file: permission denied/)
  })
})
