import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypeFor, createRendererFileHandler, resolveRendererFile } from './renderer-files'
import { CONTENT_SECURITY_POLICY } from './security-policy'

let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'renderer-files-'))
  root = join(base, 'out', 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(base, 'secret.txt'), 'do not serve')
  await writeFile(join(base, 'out', 'renderer-evil.txt'), 'sibling with a shared prefix')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('resolveRendererFile', () => {
  it('maps app://renderer paths into the root, / to index.html', () => {
    expect(resolveRendererFile(root, 'app://renderer/')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://renderer/index.html')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://renderer/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    )
    expect(resolveRendererFile(root, 'app://renderer/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'))
  })

  it.each(['app://renderer/../secret.txt', 'app://renderer/%2e%2e/secret.txt', 'app://renderer/a/../../secret.txt'])(
    'lets the URL parser fold %s back into the root',
    (url) => {
      expect(resolveRendererFile(root, url)).toBe(join(root, 'secret.txt'))
    },
  )

  it.each([
    'app://renderer/..%2F..%2Fsecret.txt',
    'app://renderer/assets/..%2F..%2F..%2Fsecret.txt',
    'app://renderer/..%2F..%2Frenderer-evil.txt',
    'app://renderer/%00index.html',
    'app://renderer/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'media-thumb://renderer/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull()
  })

  it('keeps an encoded backslash inside the root', () => {
    // Windows treats a decoded "\\" as a separator, so "..\\" must be refused there; on POSIX it is
    // an ordinary file-name character and the path stays inside the root.
    const file = resolveRendererFile(root, 'app://renderer/..%5C..%5Csecret.txt')
    if (process.platform === 'win32') expect(file).toBeNull()
    else expect(file).toBe(join(root, '..\\..\\secret.txt'))
  })
})

describe('createRendererFileHandler', () => {
  const handle = () => createRendererFileHandler(root)

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await handle()({ url: 'app://renderer/index.html', method: 'GET' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>t</title>')
  })

  it('answers HEAD without a body', async () => {
    const response = await handle()({ url: 'app://renderer/assets/index-abc.js', method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('')
  })

  it('never serves a file outside the root, and says 404 for missing ones', async () => {
    for (const url of ['app://renderer/..%2F..%2Fsecret.txt', 'app://renderer/missing.js', 'app://renderer/assets']) {
      const response = await handle()({ url, method: 'GET' })
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('do not serve')
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle()({ url: 'app://renderer/index.html', method: 'POST' })
    expect(response.status).toBe(405)
  })

  it('turns an unexpected read error into a 500 without details', async () => {
    const failing = createRendererFileHandler(root, () =>
      Promise.reject(Object.assign(new Error('EACCES: /x'), { code: 'EACCES' })),
    )
    const response = await failing({ url: 'app://renderer/index.html', method: 'GET' })
    expect(response.status).toBe(500)
    expect(await response.text()).not.toContain('EACCES')
  })
})

describe('contentTypeFor', () => {
  it('knows the build output and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/a.CSS')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2')
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream')
  })
})
