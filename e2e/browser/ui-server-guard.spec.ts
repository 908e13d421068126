/**
 * The server every browser journey runs against is `media-import ui`'s own (e2e/harness/ui-harness.ts),
 * and its gate holds there too, test hooks and all: a request without the token, with another Host
 * (DNS rebinding) or from another site's Origin is refused before any route runs, while the app's
 * own page commands the core. Each rule in detail: src-main/web/ui-server.test.ts.
 */
import { request } from 'node:http'
import { WEB_CONTENT_SECURITY_POLICY } from '../../src-main/web/ui-server'
import { TOKEN_HEADER } from '../../src-main/web/request-guard'
import { expect, test } from '../harness/fixtures'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
}

/** A raw request, so Host and Origin are exactly what a hostile page or a rebinding name would send. */
function send(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(method === 'POST' ? '' : undefined)
  })
}

test('the suite’s server refuses a missing token, a foreign Host and a foreign Origin; the app’s page gets through', async ({
  importer,
  harness,
  page,
}) => {
  const { port, token } = harness.server
  const own = { Host: `127.0.0.1:${port}` }
  const command = (headers: Record<string, string>) =>
    send(port, '/__mi/command/getAppInfo', { 'Content-Type': 'application/json', ...headers }, 'POST')

  // With everything right, the server answers: the refusals below are the gate's, not a dead server's.
  expect((await command({ ...own, [TOKEN_HEADER]: token })).status).toBe(200)
  const index = await send(port, '/', { ...own, [TOKEN_HEADER]: token })
  expect(index.status).toBe(200)
  expect(index.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY)

  // No token.
  expect((await send(port, '/', own)).status).toBe(403)
  expect((await send(port, '/__mi/bridge.js', own)).status).toBe(403)
  expect((await command(own)).status).toBe(403)
  // A foreign Host, even with the token.
  expect((await command({ Host: `evil.example:${port}`, [TOKEN_HEADER]: token })).status).toBe(403)
  expect((await send(port, '/', { Host: 'evil.example', [TOKEN_HEADER]: token })).status).toBe(403)
  // A foreign Origin, even with the token.
  expect((await command({ ...own, Origin: 'https://evil.example', [TOKEN_HEADER]: token })).status).toBe(403)

  // The browser's cookie alone runs no command (page.request carries the context's cookies; a fetch
  // in the page would log its 403 as a console error); the page's bridge, with the token, does.
  expect(await page.context().cookies()).toHaveLength(1)
  const cookieOnly = await page.request.post(`${harness.server.origin}/__mi/command/getAppInfo`, {
    headers: { 'Content-Type': 'application/json' },
    data: '',
  })
  expect(cookieOnly.status()).toBe(403)
  const info = await page.evaluate(() => window.mediaImport?.getAppInfo())
  expect(info).toMatchObject({ ok: true, value: { mode: 'sandbox' } })
  await expect(importer.sandboxBanner).toBeVisible()
})
