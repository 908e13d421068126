/**
 * The ui server's gate, each rule against the real server on 127.0.0.1 with the real handler table
 * (an AppCore over an in-memory session) and real HTTP requests whose headers we control.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore } from '../core/app/handlers'
import { thumbnailKey, thumbnailRelativePath } from '../core/probe/thumbnails/thumbnail-url'
import { CONTENT_SECURITY_POLICY } from '../electron/security-policy'
import { EventStreams } from './event-stream'
import { MAX_BODY_BYTES, startUiServer, WEB_CONTENT_SECURITY_POLICY, type UiServer } from './ui-server'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

let server: UiServer
let dir: string
const events = new EventStreams()
const key = thumbnailKey('b'.repeat(64), 256)

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const cookie = () => ({ Cookie: `media-import-ui-${server.port}=${server.token}` })
const command = (name: string, body: string, headers: Record<string, string> = {}) =>
  send(`/__mi/command/${name}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', 'X-Media-Import-Token': server.token, ...headers },
  })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mi-ui-server-'))
  const renderer = join(dir, 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(
    join(renderer, 'index.html'),
    '<html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  )
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'not to be served')
  const thumbs = join(dir, 'thumbs')
  await mkdir(join(thumbs, key.slice(0, 2)), { recursive: true })
  await writeFile(join(thumbs, ...thumbnailRelativePath(key).split('/')), 'RIFF-webp')
  const core = createAppCore({
    appInfo: () => ({ version: 'test', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: '' }),
    pickPaths: async () => [],
    emit: events.emit,
  })
  await writeFile(join(dir, 'clip.mp4'), '0123456789')
  const video = {
    rowId: 'video-row',
    path: join(dir, 'clip.mp4'),
    relativePath: 'clip.mp4',
    size: 10,
    mtimeMs: 0,
    status: 'uploaded',
    kind: 'video',
    mimeType: 'video/mp4',
    sha256: 'a'.repeat(64),
  } as const
  server = await startUiServer({
    handlers: core.handlers,
    events,
    thumbnailDir: thumbs,
    rendererDir: renderer,
    getRow: (rowId) => (rowId === video.rowId ? video : undefined),
  })
})

afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

describe('media-import ui server', () => {
  it('listens on loopback with a 32-byte token in its address', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{43}$`))
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32)
  })

  it.each(['/', '/index.html', '/assets/app.js', '/__mi/bridge.js', '/__mi/events', `/media-thumb/${key}`])(
    'refuses %s without the token',
    async (path) => {
      const answer = await send(path)
      expect(answer.status).toBe(403)
      expect(answer.body).toContain('needs the token')
      expect(await send(path, { headers: { Cookie: `media-import-ui-${server.port}=wrong` } })).toMatchObject({
        status: 403,
      })
    },
  )

  it('turns the token of the first address into an HttpOnly, SameSite=Strict cookie, and the page into one without it', async () => {
    expect((await send('/?token=wrong')).status).toBe(403)
    const first = await send(`/?token=${server.token}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    expect(first.headers['set-cookie']).toEqual([
      `media-import-ui-${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    ])
    const page = await send('/', { headers: cookie() })
    expect(page.status).toBe(200)
    // The bridge before the app's module, so window.mediaImport exists when the app starts.
    expect(page.body).toMatch(/<script src="\/__mi\/bridge\.js"><\/script>\s*<script type="module"/)
    expect((await send('/assets/app.js', { headers: cookie() })).body).toBe('console.log(1)')
  })

  it("sends the Electron window's CSP (thumbnails from itself instead of media-thumb:) on every answer", async () => {
    expect(WEB_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace(' media-thumb:', '') + "; frame-ancestors 'none'",
    )
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'")
    for (const answer of [await send('/', { headers: cookie() }), await send('/'), await command('getAppInfo', '')]) {
      expect(answer.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['referrer-policy']).toBe('no-referrer')
    }
  })

  it('refuses a Host other than 127.0.0.1 or localhost with our port (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      expect((await send('/', { headers: { ...cookie(), Host: host } })).status).toBe(403)
      expect((await command('getAppInfo', '', { Host: host })).status).toBe(403)
    }
    expect((await send('/', { headers: { ...cookie(), Host: `localhost:${server.port}` } })).status).toBe(200)
  })

  it('refuses requests from other sites (Origin, Sec-Fetch-Site) and never sends CORS headers', async () => {
    const foreign = await command('getAppInfo', '', { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await command('getAppInfo', '', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await command('getAppInfo', '', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403)
    const own = await command('getAppInfo', '', {
      Origin: `http://127.0.0.1:${server.port}`,
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(own.status).toBe(200)
    const preflight = await send('/__mi/command/getAppInfo', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    for (const answer of [foreign, own, preflight]) {
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it('runs a command only with the token in its header (the cookie alone is not enough)', async () => {
    const cookieOnly = await send('/__mi/command/getAppInfo', {
      method: 'POST',
      body: '',
      headers: { ...cookie(), 'Content-Type': 'application/json' },
    })
    expect(cookieOnly.status).toBe(403)
    const answer = await command('getAppInfo', '')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({
      ok: true,
      value: { version: 'test', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: '' },
    })
  })

  it('validates every command with the IPC schemas, and refuses what is not a JSON command', async () => {
    const relative = JSON.parse((await command('addPaths', JSON.stringify({ paths: ['photos'] }))).body)
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(relative.error.message).toContain('path must be absolute')
    const extra = JSON.parse((await command('clearRows', JSON.stringify({ all: true }))).body)
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect((await command('toString', '')).status).toBe(404)
    expect((await command('getAppInfo', '{not json')).status).toBe(400)
    expect((await command('getAppInfo', '', { 'Content-Type': 'text/plain' })).status).toBe(415)
  })

  it('caps the body size', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) })
    const answer = await command('previewMetadataCsv', big)
    expect(answer.status).toBe(413)
    expect(answer.body).toContain('larger than 16 MiB')
  })

  it('serves nothing outside the build folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const answer = await send(path, { headers: cookie() })
      expect(answer.status).toBe(404)
      expect(answer.body).not.toContain('not to be served')
    }
  })

  it('serves thumbnails by cache key only', async () => {
    const thumb = await send(`/media-thumb/${key}`, { headers: cookie() })
    expect(thumb.status).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/webp')
    expect(thumb.body).toBe('RIFF-webp')
    expect((await send('/media-thumb/../secret.txt', { headers: cookie() })).status).toBe(404)
  })

  it("serves a video row's bytes by row id, in ranges, with the token only, and nothing by path", async () => {
    const whole = await send('/media-file/video-row', { headers: cookie() })
    expect(whole.status).toBe(200)
    expect(whole.body).toBe('0123456789')
    const part = await send('/media-file/video-row', { headers: { ...cookie(), Range: 'bytes=2-5' } })
    expect(part.status).toBe(206)
    expect(part.body).toBe('2345')
    expect((await send('/media-file/video-row')).status).toBe(403)
    expect((await send('/media-file/other-row', { headers: cookie() })).status).toBe(404)
    expect((await send('/media-file/..%2Fsecret.txt', { headers: cookie() })).status).toBe(404)
  })

  it("puts a page's command answers on its own stream, after the events sent before them (one ordered channel, as IPC)", async () => {
    const stream = 'ab'.repeat(16)
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/__mi/events?stream=${stream}`,
          headers: { Host: `127.0.0.1:${server.port}`, ...cookie() },
        },
        (res) => {
          let text = ''
          res.on('data', (chunk: Buffer) => {
            const first = text === ''
            text += chunk.toString()
            if (first) {
              events.emit('scanProgress', { scanId: 'before', state: 'done', files: 0, skipped: 0, errors: 0 })
              void command('getAppInfo', '', { 'X-Media-Import-Stream': stream, 'X-Media-Import-Call': '7' }).then(
                (answer) => expect(answer.status).toBe(202),
                reject,
              )
            }
            if (text.includes('__answer')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received.indexOf('"before"')).toBeGreaterThan(0)
    expect(received.indexOf('"before"')).toBeLessThan(received.indexOf('event: __answer'))
    expect(received).toContain('event: __answer\ndata: {"call":7,"answer":{"ok":true,"value":{"version":"test"')
    // No stream of that id open (any more): the answer comes over HTTP.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const fallback = await command('getAppInfo', '', { 'X-Media-Import-Stream': stream, 'X-Media-Import-Call': '8' })
    expect(fallback.status).toBe(200)
    expect(JSON.parse(fallback.body)).toMatchObject({ ok: true })
  })

  it('delivers events over the stream once it is open, in order', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/__mi/events',
          headers: { Host: `127.0.0.1:${server.port}`, ...cookie() },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString()
            if (text.includes('event: __ready') && !text.includes('scanProgress')) {
              events.emit('scanProgress', { scanId: 's1', state: 'running', files: 1, skipped: 0, errors: 0 })
              events.emit('scanProgress', { scanId: 's1', state: 'done', files: 2, skipped: 0, errors: 0 })
            }
            if (text.includes('"done"')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain('event: scanProgress\ndata: {"scanId":"s1","state":"running"')
    expect(received.indexOf('"running"')).toBeLessThan(received.indexOf('"done"'))
  })
})
