/**
 * Who may talk to the `media-import ui` server, as pure functions: the checks Jupyter's server
 * makes for the same reason. A page on another site, or one reached through DNS rebinding, can
 * send requests to 127.0.0.1 too; it must be stopped before any route runs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, URL-safe: the secret the printed address carries. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Constant-time comparison. Both sides are hashed first so their lengths are equal (timingSafeEqual
 * throws otherwise) and the time taken says nothing about the token's length either.
 */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string' || given === '') return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(token).digest()
  return timingSafeEqual(a, b)
}

/**
 * DNS rebinding: a hostile name can resolve to 127.0.0.1, but the browser still sends that name
 * in Host. Only the loopback names with our port pass.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** No cross-site requests: an Origin, when the browser sends one, must be this server itself. */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true
  return host !== undefined && origin === `http://${host}`
}

/**
 * Fetch metadata (sent by every current browser): a request another site made is 'cross-site' or
 * 'same-site' (another port on localhost). Absent (curl, old browsers): the other checks decide.
 */
export function isAllowedFetchSite(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none'
}

export const TOKEN_HEADER = 'x-media-import-token'

/** Cookies are not scoped by port, so the name carries it: two servers never read each other's. */
export function cookieName(port: number): string {
  return `media-import-ui-${port}`
}

/** A cookie's value from a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** HttpOnly: no script reads it; SameSite=Strict: no other site's request carries it. */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}
