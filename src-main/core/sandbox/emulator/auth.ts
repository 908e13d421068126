/**
 * Bearer token check against the scopes the docs give each endpoint (the OpenAPI security in
 * livingdocsIO/documentation): `GET /projectConfig` needs public-api:config:read, lookups
 * public-api:read, imports public-api:write. Two tokens always exist: a full one (all three)
 * and a read-only one (both read scopes), so clients can be tested against 403 "requires higher
 * privileges"; tests may add tokens with any other set of scopes.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Reply } from './responses'
import { errorReply } from './responses'

export type Scope = 'public-api:config:read' | 'public-api:read' | 'public-api:write'

export const ALL_SCOPES: readonly Scope[] = ['public-api:config:read', 'public-api:read', 'public-api:write']
export const READ_SCOPES: readonly Scope[] = ['public-api:config:read', 'public-api:read']

export interface TokenGrant {
  token: string
  scopes: readonly Scope[]
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
export function checkAuth(
  authorization: string | undefined,
  needed: Scope,
  tokens: readonly TokenGrant[],
): Reply | undefined {
  if (!authorization) {
    return unauthorized('The access token is missing. Send the header "Authorization: Bearer <token>".')
  }
  const token = bearerToken(authorization)
  if (!token) return unauthorized('The Authorization header must have the form "Bearer <token>".')
  // Every grant is compared, so the time taken does not tell which token matched.
  const matches = tokens.filter((grant) => sameSecret(token, grant.token))
  const grant = matches[0]
  if (!grant) return unauthorized('The access token is invalid.')
  if (grant.scopes.includes(needed)) return undefined
  return errorReply(403, { access_token: 'The request requires higher privileges' })
}

function unauthorized(message: string): Reply {
  return errorReply(401, { access_token: message }, { 'www-authenticate': 'Bearer' })
}
