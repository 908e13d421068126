/**
 * Bearer token check. Two tokens exist: a full one (public-api:read + public-api:write) and a
 * read-only one, so clients can be tested against 403 "requires higher privileges".
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Reply } from './responses'
import { errorReply } from './responses'

export type Scope = 'read' | 'write'

export interface Tokens {
  write: string
  readOnly: string
}

// Hashing first gives equal lengths, so timingSafeEqual never throws and leaks no length.
function sameSecret(a: string, b: string): boolean {
  const hash = (s: string): Buffer => createHash('sha256').update(s).digest()
  return timingSafeEqual(hash(a), hash(b))
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

/** Undefined when the request may proceed, else the 401/403 reply. */
export function checkAuth(authorization: string | undefined, needed: Scope, tokens: Tokens): Reply | undefined {
  if (!authorization) {
    return unauthorized('The access token is missing. Send the header "Authorization: Bearer <token>".')
  }
  const token = bearerToken(authorization)
  if (!token) return unauthorized('The Authorization header must have the form "Bearer <token>".')
  if (sameSecret(token, tokens.write)) return undefined
  if (sameSecret(token, tokens.readOnly)) {
    return needed === 'read' ? undefined : errorReply(403, { access_token: 'The request requires higher privileges' })
  }
  return unauthorized('The access token is invalid.')
}

function unauthorized(message: string): Reply {
  return errorReply(401, { access_token: message }, { 'www-authenticate': 'Bearer' })
}
