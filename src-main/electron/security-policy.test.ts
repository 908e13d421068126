import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedNetworkRequest,
  isPermissionAllowed,
  isRendererSenderUrl,
  isSafeExternalUrl,
  mainWindowOptions,
  secureWebPreferences,
  WINDOW_TITLE,
} from './security-policy'

const repoRoot = join(__dirname, '..', '..')
const DEV = 'http://localhost:5173'

// URLs no predicate may ever accept as our renderer.
const foreign = [
  'file:///etc/passwd',
  'file:///home/editor/out/renderer/index.html',
  'https://evil.example/',
  'http://app.renderer/',
  'app://renderer.evil.example/index.html',
  'app://other/index.html',
  'app://user:pw@renderer/index.html',
  'media-thumb://renderer/x.png',
  'devtools://devtools/bundled/inspector.html',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'about:blank',
  'chrome://settings',
  'blob:app://renderer/1234',
  '',
  'not a url',
]

describe('webPreferences and window options', () => {
  it('turns every isolation flag on and every escape hatch off', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })

  it('opens hidden (shown on ready-to-show) with the product title and a workable size', () => {
    const options = mainWindowOptions('/p.js')
    expect(options.show).toBe(false)
    expect(options.title).toBe('Media Importer for Livingdocs')
    expect(WINDOW_TITLE).toBe(options.title)
    expect(options.width).toBeGreaterThanOrEqual(1024)
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0)
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.js'))
  })
})

describe('Content Security Policy', () => {
  it('allows only our own origin, inline nothing, and never anything remote', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values] as const
      }),
    )
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/)
  })

  it('is exactly what src-renderer/index.html carries in its meta tag', () => {
    const html = readFileSync(join(repoRoot, 'src-renderer', 'index.html'), 'utf8')
    const metas = [...html.matchAll(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)]
    expect(metas, 'index.html needs exactly one CSP meta tag').toHaveLength(1)
    const content = /content=(["'])(.*?)\1/i.exec(metas[0]?.[0] ?? '')?.[2]
    expect(content).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('navigation', () => {
  it('stays inside our renderer', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL, APP_ORIGIN)).toBe(true)
    expect(isAllowedNavigation(`${APP_ORIGIN}/assets/x.js#frag`, APP_ORIGIN)).toBe(true)
    expect(isAllowedNavigation(`${DEV}/index.html`, DEV)).toBe(true)
  })

  it.each(foreign)('refuses %j', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false)
  })

  it('refuses the dev server when running the built app, and another port in development', () => {
    expect(isAllowedNavigation(`${DEV}/`, APP_ORIGIN)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false)
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false)
  })
})

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies %s, even to our own renderer', (permission) => {
    expect(isPermissionAllowed(permission, APP_ENTRY_URL, APP_ORIGIN)).toBe(false)
    expect(isPermissionAllowed(permission, 'https://evil.example/', APP_ORIGIN)).toBe(false)
  })
})

describe('IPC sender', () => {
  it('accepts our renderer only', () => {
    expect(isRendererSenderUrl(APP_ENTRY_URL, APP_ORIGIN)).toBe(true)
    expect(isRendererSenderUrl(`${DEV}/`, DEV)).toBe(true)
    expect(isRendererSenderUrl(undefined, APP_ORIGIN)).toBe(false)
    expect(isRendererSenderUrl(null, APP_ORIGIN)).toBe(false)
  })

  it.each(foreign)('refuses a frame showing %j', (url) => {
    expect(isRendererSenderUrl(url, APP_ORIGIN)).toBe(false)
  })
})

describe('links opened in the system browser', () => {
  it.each(['https://docs.livingdocs.io/', 'http://127.0.0.1:9000/media'])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,x',
    'smb://share/x',
    'ms-msdt:/id',
    'https://user:secret@evil.example/',
    APP_ENTRY_URL,
    'not a url',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('network requests from Chromium', () => {
  it('allows none in the built app', () => {
    expect(isAllowedNetworkRequest('http://127.0.0.1:9000/', null)).toBe(false)
    expect(isAllowedNetworkRequest('https://example.com/', null)).toBe(false)
  })

  it('allows the dev server and its HMR socket in development, nothing else', () => {
    expect(isAllowedNetworkRequest(`${DEV}/src/main.tsx`, DEV)).toBe(true)
    expect(isAllowedNetworkRequest('ws://localhost:5173/', DEV)).toBe(true)
    expect(isAllowedNetworkRequest('http://localhost:5174/', DEV)).toBe(false)
    expect(isAllowedNetworkRequest('https://example.com/', DEV)).toBe(false)
    expect(isAllowedNetworkRequest('http://user:pw@localhost:5173/', DEV)).toBe(false)
  })
})

describe('pure modules', () => {
  // These run in plain Node (tests, CI without the Electron binary): a value import of
  // 'electron' would try to download the binary and throw.
  it.each([
    'security-policy.ts',
    'launch-config.ts',
    'renderer-files.ts',
    'renderer-readiness.ts',
    'dialog-options.ts',
  ])('%s imports electron for types only', (file) => {
    const source = readFileSync(join(__dirname, file), 'utf8')
    const electronImports = source.match(/^import\s.*from\s+['"]electron['"]/gm) ?? []
    for (const line of electronImports) expect(line).toMatch(/^import type /)
  })
})
