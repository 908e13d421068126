/**
 * Reading the library: one entry by id, or several by `ids=a,b` or by `systemName` + `externalId`
 * (docs/reference/livingdocs-api.md §2). The OpenAPI names the parameter `externalIds`; both are read.
 * Lists are wrapped per API version, like import results.
 */
import type { Reply } from './responses'
import { badRequest, errorReply, ok } from './responses'
import type { StateStore } from './state-store'
import type { LegacyShape, MediaLibraryEntry } from './types'
import { wrapList } from './versions'

export interface LookupContext {
  store: StateStore
  effectiveVersion: string
  legacyShape: LegacyShape
}

export function getEntry(id: string, ctx: LookupContext): Reply {
  const entry = ctx.store.get(id)
  if (!entry) {
    return errorReply(404, { name: 'NotFound', message: `MediaLibrary Entry does not exist (id: '${id}')` })
  }
  return ok(structuredClone(entry))
}

const splitList = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

export function findEntries(query: URLSearchParams, ctx: LookupContext): Reply {
  const ids = splitList(query.get('ids'))
  const externalIds = [...splitList(query.get('externalId')), ...splitList(query.get('externalIds'))]
  const systemName = query.get('systemName')
  if (ids.length > 0 && externalIds.length > 0) {
    return badRequest('Use either ids or systemName + externalId, not both')
  }
  let found: MediaLibraryEntry[]
  if (ids.length > 0) {
    found = unique(ids).flatMap((id) => ctx.store.get(id) ?? [])
  } else if (externalIds.length > 0) {
    if (!systemName) return badRequest('externalId needs systemName: ?systemName=<system>&externalId=<id>')
    found = unique(externalIds).flatMap((externalId) => ctx.store.findByExternal(systemName, externalId) ?? [])
  } else {
    return badRequest('Give ids=<id>,<id> or systemName=<system>&externalId=<id>')
  }
  return ok(wrapList(ctx.effectiveVersion, structuredClone(found), ctx.legacyShape))
}

const unique = (values: string[]): string[] => [...new Set(values)]
