/**
 * Every security decision of the Electron shell, as data and pure predicates, so each one is
 * unit-tested without the Electron binary. The shell files (`window.ts`, `security-guards.ts`,
 * `ipc.ts`, `app-protocol.ts`) only wire these into Electron's hooks.
 * Checklist: https://www.electronjs.org/docs/latest/tutorial/security (numbers below refer to it).
 * Only `import type` from electron here: this module must load in plain Node.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/** The privileged scheme the built renderer is served from (never file://, checklist #18). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export const WINDOW_TITLE = 'Media Importer for Livingdocs'

/**
 * The one Content Security Policy (checklist #7): sent as a header by the app:// handler and
 * carried verbatim in src-renderer/index.html's meta tag (a test keeps the two equal).
 * `media-thumb:` is the thumbnail protocol main will serve; `media-file:` a video row's bytes,
 * for a poster frame drawn where ffmpeg is missing (media-file-protocol.ts); nothing remote is
 * ever loaded.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: media-thumb:; media-src 'self' media-file:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"

/** Permissions our renderer may be granted. Empty on purpose (checklist #5): add one only with a reason. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>()

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true, // #3
    sandbox: true, // #4
    nodeIntegration: false, // #2
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // #6
    allowRunningInsecureContent: false, // #8
    experimentalFeatures: false, // #9
    webviewTag: false, // #12
    navigateOnDragDrop: false, // a folder dropped outside the drop zone must not navigate to file://
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux; nothing may
    // leave the editor's computer unannounced (ARCHITECTURE.md, "The Sandbox"), so it stays off.
    spellcheck: false,
  }
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on `ready-to-show`, so the editor never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  }
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * Scheme and host (with port) equal, no credentials. Compared by parts because Node's
 * `URL.origin` is "null" for custom schemes such as app://.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  const candidate = parseUrl(url)
  const expected = parseUrl(origin)
  if (!candidate || !expected || expected.host === '') return false
  if (candidate.username !== '' || candidate.password !== '') return false
  return candidate.protocol === expected.protocol && candidate.host === expected.host
}

/** Navigation may only stay inside our renderer (checklist #13). */
export function isAllowedNavigation(url: string, rendererOrigin: string): boolean {
  return isSameOrigin(url, rendererOrigin)
}

/** Granted only if listed in ALLOWED_PERMISSIONS and asked by our renderer (checklist #5). */
export function isPermissionAllowed(permission: string, requestingUrl: string, rendererOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isSameOrigin(requestingUrl, rendererOrigin)
}

/** An IPC message counts only if its frame shows our renderer (checklist #17). */
export function isRendererSenderUrl(frameUrl: string | null | undefined, rendererOrigin: string): boolean {
  return typeof frameUrl === 'string' && isSameOrigin(frameUrl, rendererOrigin)
}

/**
 * Links the editor clicks may open in the system browser: plain http(s) with a host and no
 * embedded credentials (checklist #15). Everything else (file:, javascript:, custom handlers) is dropped.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/**
 * Network requests Chromium may make on the renderer's behalf. The built app loads nothing
 * over the network; in development only the electron-vite dev server (page, modules, HMR socket).
 */
export function isAllowedNetworkRequest(url: string, devServerOrigin: string | null): boolean {
  if (devServerOrigin === null) return false
  const parsed = parseUrl(url)
  const dev = parseUrl(devServerOrigin)
  if (!parsed || !dev || parsed.username !== '' || parsed.password !== '') return false
  const socketProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:'
  return parsed.host === dev.host && (parsed.protocol === dev.protocol || parsed.protocol === socketProtocol)
}
