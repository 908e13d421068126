/**
 * Only bench/grid.ts still uses this (with bridge.ts): the e2e suite is served by `media-import
 * ui`'s own server (ui-harness.ts).
 *
 * Serves the built renderer (out/renderer) on 127.0.0.1 with a random port, sending the same
 * CSP header the Electron shell sends, so a renderer that needs inline script or style fails
 * here exactly as it would in the app. Nothing outside the build folder is ever served.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/security-policy'
// The same file rules as `media-import ui` serves the pages with: one copy of the confinement.
import { contentType, rendererFile } from '../../src-main/web/renderer-files'

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')

const SECURITY_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }

export interface StaticServer {
  url: string
  close(): Promise<void>
}

export function assertRendererBuilt(dir = RENDERER_DIR): void {
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${dir}/index.html). Run \`npm run build\` before the browser e2e tests.`,
    )
  }
}

/** The file a request names, or null when it would leave the build folder. */
function fileFor(root: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = new URL(requestUrl, 'http://127.0.0.1').pathname
  } catch {
    return null
  }
  return rendererFile(root, pathname)
}

export async function startStaticServer(dir = RENDERER_DIR): Promise<StaticServer> {
  assertRendererBuilt(dir)
  const root = resolve(dir)
  const server = createServer((req, res) => {
    // Browsers ask for /favicon.ico on their own (Electron windows do not); answer "no icon".
    if (req.url === '/favicon.ico') {
      res.writeHead(204, SECURITY_HEADERS).end()
      return
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(root, req.url ?? '/') : null
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    readFile(file).then(
      (body) => {
        const type = contentType(file)
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
        res.end(req.method === 'HEAD' ? undefined : body)
      },
      () => res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found'),
    )
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => done())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
