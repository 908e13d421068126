/**
 * Where a secret may go. The Livingdocs token is sent to `livingdocs.url`, the S3 keys sign requests
 * to `storage.endpoint` (or AWS itself when there is none), so each is bound to that origin: a
 * secret saved for one address is never sent to another (README "Security"). Plain http is
 * accepted only on this computer (the Sandbox runs on 127.0.0.1), where nobody can read the wire.
 */

/** The origin of AWS's own endpoints, for keys of a profile without `storage.endpoint`. */
export const AWS_ORIGIN = 'aws'

/** `https://host:port` as the URL parser spells it (lower-case host, default port dropped). */
export function originOf(url: string): string {
  return new URL(url).origin
}

/** localhost, 127.0.0.0/8 and ::1: the only hosts plain http is accepted for. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  return /^127(\.\d{1,3}){3}$/.test(host)
}

/** https anywhere, http only on loopback. Expects a URL that parses. */
export function isSecureOrLocal(url: string): boolean {
  const parsed = new URL(url)
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)
}

export interface SecretOrigins {
  /** Where the token goes: the origin of `livingdocs.url`. */
  token: string
  /** Where the S3 keys go: the origin of `storage.endpoint`, or AWS_ORIGIN. */
  keys: string
}

export function secretOrigins(profile: {
  livingdocs: { url: string }
  storage: { endpoint?: string | undefined }
}): SecretOrigins {
  return {
    token: originOf(profile.livingdocs.url),
    keys: profile.storage.endpoint ? originOf(profile.storage.endpoint) : AWS_ORIGIN,
  }
}
