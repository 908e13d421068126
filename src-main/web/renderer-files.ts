/**
 * The built renderer (out/renderer, from `npm run build`) as the ui server serves it: the file a
 * URL names, never one outside the build folder, and index.html with the bridge script put in
 * front of the app's module.
 */
import { existsSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'

export const DEFAULT_RENDERER_DIR = resolve(__dirname, '../../out/renderer')

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
}

/** Throws a sentence saying what to run when the renderer was never built. */
export function assertRendererBuilt(dir: string): void {
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(
      `The app's pages are not built yet (${resolve(dir, 'index.html')} is missing). Run \`npm run build\` in the checkout first, then start \`media-import ui\` again.`,
    )
  }
}

/** The file a request path names, or null when it would leave the build folder. */
export function rendererFile(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const base = resolve(root)
  const file = resolve(base, decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, ''))
  return file.startsWith(base + sep) ? file : null
}

/**
 * index.html with the bridge: a deferred classic script runs before the app's module, which is
 * deferred too (scripts that wait for the parser run in document order). Deferred, it does not
 * hold the parser either, so the app's bundle is fetched at the same time as the bridge, not after it.
 */
export function withBridge(indexHtml: string, bridgePath: string): string {
  const tag = `<script defer src="${bridgePath}"></script>\n  `
  const at = indexHtml.indexOf('<script')
  if (at >= 0) return indexHtml.slice(0, at) + tag + indexHtml.slice(at)
  return indexHtml.replace('</head>', `${tag}</head>`)
}
