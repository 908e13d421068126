/**
 * Wires the predicates of security-policy.ts into Electron, for every webContents that will ever
 * exist (Podman Desktop's security-restrictions.ts does the same in one place). Numbers refer to
 * https://www.electronjs.org/docs/latest/tutorial/security.
 */
import { app, session, shell } from 'electron'
import type { Event, WebContents } from 'electron'
import { isAllowedNavigation, isAllowedNetworkRequest, isPermissionAllowed, isSafeExternalUrl } from './security-policy'
import type { RendererLocation } from './launch-config'

function describeUrl(url: string): string {
  // Log where a blocked attempt went, not the full URL: query strings can carry tokens.
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol
  } catch {
    return 'an unparsable URL'
  }
}

function guardWebContents(contents: WebContents, renderer: RendererLocation): void {
  // #13: the window shows our renderer and nothing else.
  const blockNavigation = (event: Event, url: string): void => {
    if (isAllowedNavigation(url, renderer.origin)) return
    event.preventDefault()
    console.warn(`[security] blocked navigation to ${describeUrl(url)}`)
  }
  contents.on('will-navigate', (event) => blockNavigation(event, event.url))
  contents.on('will-redirect', (event) => blockNavigation(event, event.url))
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) blockNavigation(event, event.url)
  })

  // #14 + #15: no new windows; http(s) links go to the system browser once the URL is checked.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((err: unknown) => {
        console.warn(`[security] could not open ${describeUrl(url)} in the browser: ${String(err)}`)
      })
    } else {
      console.warn(`[security] blocked a new window for ${describeUrl(url)}`)
    }
    return { action: 'deny' }
  })

  // #12: even with webviewTag off, refuse any <webview> that gets attached.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    console.warn('[security] blocked a <webview>')
  })
}

/** Installs every guard. Call once, when the app is ready and before any window exists. */
export function installSecurityGuards(renderer: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, renderer))

  // #5: deny permission requests and checks (ALLOWED_PERMISSIONS is empty).
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    const granted = isPermissionAllowed(permission, contents.getURL(), renderer.origin)
    if (!granted) console.warn(`[security] denied permission '${permission}'`)
    callback(granted)
  })
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, renderer.origin),
  )
  ses.setDevicePermissionHandler(() => false)

  // #1: no remote content. The CSP already forbids it; this also stops anything the CSP does not
  // cover (devtools, redirects). Main's own HTTP (S3, Livingdocs) uses Node and is not affected.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      const allowed = isAllowedNetworkRequest(details.url, renderer.devServerOrigin)
      if (!allowed) console.warn(`[security] blocked a network request to ${describeUrl(details.url)}`)
      callback({ cancel: !allowed })
    },
  )
}
