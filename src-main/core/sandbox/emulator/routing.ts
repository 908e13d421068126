/**
 * The routes the emulator serves, under `/api/{version}/`. Anything else answers the documented
 * 404 `{ error_details: { url } }`, like the real server does for unknown paths.
 */
import type { Scope } from './auth'

export type RouteName =
  | 'GET projectConfig'
  | 'POST import/mediaLibrary'
  | 'GET mediaLibrary'
  | 'GET mediaLibrary/:id'
  | 'PATCH mediaLibrary/:id'

export interface RouteMatch {
  name: RouteName
  scope: Scope
  id?: string
}

export interface ApiPath {
  version: string
  /** The path after `/api/{version}/`, without a trailing slash. */
  rest: string
}

export function parseApiPath(pathname: string): ApiPath | undefined {
  const match = /^\/api\/([^/]+)\/(.*?)\/?$/.exec(pathname)
  if (!match) return undefined
  return { version: decodeSegment(match[1] ?? ''), rest: match[2] ?? '' }
}

export function matchRoute(method: string, rest: string): RouteMatch | undefined {
  if (method === 'GET' && rest === 'projectConfig')
    return { name: 'GET projectConfig', scope: 'public-api:config:read' }
  if (method === 'POST' && rest === 'import/mediaLibrary') {
    return { name: 'POST import/mediaLibrary', scope: 'public-api:write' }
  }
  if (method === 'GET' && rest === 'mediaLibrary') return { name: 'GET mediaLibrary', scope: 'public-api:read' }
  const one = /^mediaLibrary\/([^/]+)$/.exec(rest)
  if (method === 'GET' && one) {
    return { name: 'GET mediaLibrary/:id', scope: 'public-api:read', id: decodeSegment(one[1] ?? '') }
  }
  if (method === 'PATCH' && one) {
    return { name: 'PATCH mediaLibrary/:id', scope: 'public-api:write', id: decodeSegment(one[1] ?? '') }
  }
  return undefined
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
