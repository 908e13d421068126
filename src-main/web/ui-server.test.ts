/**
 * The ui server's gate, each rule against the real server on 127.0.0.1 with the real handler table
 * (an AppCore over an in-memory session) and real HTTP requests whose headers we control.
 */
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../electron/security-policy'
import { MAX_BODY_BYTES, WEB_CONTENT_SECURITY_POLICY } from './ui-server'
import { command, cookie, key, send, server, serveForTests } from './testing/ui-server-fixture'

serveForTests()

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
    expect(page.body).toMatch(/<script defer src="\/__mi\/bridge\.js"><\/script>\s*<script type="module"/)
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
})
