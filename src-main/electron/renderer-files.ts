/**
 * Serves the built renderer (out/renderer) for the app:// scheme. Pure apart from reading files,
 * which is injected, so path confinement and headers are unit-tested. `app-protocol.ts` hands
 * this to Electron's `protocol.handle`.
 */
import { readFile as fsReadFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security-policy'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `rootDir` an app://renderer/… URL names, or null when the URL is for another
 * scheme or host, is malformed, or would leave `rootDir` (`..`, encoded separators, NUL bytes).
 */
export function resolveRendererFile(rootDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = resolve(rootDir)
  // resolve() also honours a decoded "..\" on Windows; the prefix check below catches either form.
  const file = resolve(root, relative)
  return file.startsWith(root + sep) ? file : null
}

export type ReadFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>

export interface RendererRequest {
  url: string
  method: string
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** Answers one app:// request: the file with the CSP header, or 404/405 and never a file outside the root. */
export function createRendererFileHandler(rootDir: string, readFile: ReadFile = fsReadFile) {
  return async (request: RendererRequest): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed')
    const file = resolveRendererFile(rootDir, request.url)
    if (file === null) return textResponse(404, 'Not found')
    let body: Uint8Array<ArrayBuffer>
    try {
      body = await readFile(file)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'Not found')
      return textResponse(500, 'Could not read the application files')
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' }
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
  }
}
