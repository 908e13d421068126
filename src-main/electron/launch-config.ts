/**
 * What the shell decides from its environment at launch, kept pure so the rules are tested:
 * where the renderer comes from and where user data lives (AppInfo comes from the workspace).
 */
import { isAbsolute } from 'node:path'
import { APP_ENTRY_URL, APP_ORIGIN } from './security-policy'

export interface RendererLocation {
  /** What the window loads. */
  url: string
  /** The only origin navigation, permissions and IPC senders are accepted from. */
  origin: string
  /** Set only in development: the electron-vite dev server's origin. */
  devServerOrigin: string | null
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The built renderer over app://, or, in an unpackaged development run, the electron-vite dev
 * server named by ELECTRON_RENDERER_URL. A packaged app ignores the variable: an environment
 * variable must never make the installed app load someone else's page. A dev URL that is not
 * http(s) on loopback is ignored too.
 */
export function rendererLocation(env: NodeJS.ProcessEnv, isPackaged: boolean): RendererLocation {
  const builtIn: RendererLocation = { url: APP_ENTRY_URL, origin: APP_ORIGIN, devServerOrigin: null }
  const devUrl = env['ELECTRON_RENDERER_URL']
  if (isPackaged || !devUrl) return builtIn
  let parsed: URL
  try {
    parsed = new URL(devUrl)
  } catch {
    return builtIn
  }
  const isHttp = parsed.protocol === 'http:' || parsed.protocol === 'https:'
  if (!isHttp || !LOOPBACK_HOSTS.has(parsed.hostname) || parsed.username || parsed.password) return builtIn
  return { url: parsed.href, origin: parsed.origin, devServerOrigin: parsed.origin }
}

/**
 * The Electron e2e spec gives each run its own user-data folder (profile, sandbox data, the
 * single-instance lock) through this variable. Honoured only when unpackaged, like any test hook.
 */
export const E2E_USER_DATA_ENV = 'MEDIA_IMPORT_E2E_USER_DATA'

export function userDataOverride(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const dir = env[E2E_USER_DATA_ENV]
  if (isPackaged || !dir || !isAbsolute(dir)) return null
  return dir
}
