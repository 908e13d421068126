/**
 * The request pipeline: count -> early fault -> version -> route -> auth -> handler -> late fault
 * -> send. Plain node:http, so the emulator answers like a real server on a real socket.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { TokenGrant } from './auth'
import { checkAuth } from './auth'
import { readBody } from './body'
import type { Fault, FaultQueue, RequestCounter } from './faults'
import { actsBeforeProcessing } from './faults'
import { editorPage, editorPageId } from './editor-page'
import { importBatch, parseImportBody } from './import-batch'
import { findEntries, getEntry } from './lookup'
import { patchEntry } from './patch-entry'
import type { Reply } from './responses'
import { badRequest, errorReply, notFoundUrl, ok, sendReply } from './responses'
import type { RouteMatch } from './routing'
import { matchRoute, parseApiPath } from './routing'
import type { StateStore } from './state-store'
import type { LegacyShape, ProjectConfig } from './types'
import { DATE_VERSIONS, deprecationWarning, resolveVersion, wrapList } from './versions'

export interface ServerDeps {
  store: StateStore
  config: ProjectConfig
  tokens: readonly TokenGrant[]
  maxBodyBytes: number
  faults: FaultQueue
  requests: RequestCounter
  settings: { legacyShape: LegacyShape }
  /** Aborted on close, so stalled answers stop waiting. */
  closing: AbortSignal
}

export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(req, res, deps).catch((err: unknown) => {
      sendReply(res, errorReply(500, { message: `Emulator error: ${(err as Error).message}` }))
    })
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const method = req.method ?? 'GET'
  const pathname = new URL(req.url ?? '/', 'http://emulator').pathname
  const editorId = method === 'GET' ? editorPageId(pathname) : undefined
  if (editorId !== undefined) {
    deps.requests.record('GET editor page')
    return sendReply(res, editorPage(editorId, deps.store.get(editorId)))
  }
  const api = parseApiPath(pathname)
  const route = api ? matchRoute(method, api.rest) : undefined
  deps.requests.record(route?.name ?? `${method} (unknown route)`)

  const fault = deps.faults.take(method, pathname)
  if (fault && actsBeforeProcessing(fault)) return applyEarlyFault(fault, res)

  const reply = await answer(req, pathname, route, deps)
  if (!reply) return
  const version = api ? resolveVersion(api.version) : undefined
  const warning = version?.kind === 'supported' ? deprecationWarning(version.requested, version.effective) : undefined
  if (warning) reply.headers = { ...reply.headers, warning }
  if (fault) return applyLateFault(fault, reply, res, deps.closing)
  sendReply(res, reply)
}

async function answer(
  req: IncomingMessage,
  pathname: string,
  route: RouteMatch | undefined,
  deps: ServerDeps,
): Promise<Reply | undefined> {
  const api = parseApiPath(pathname)
  if (!api) return notFoundUrl(pathname)
  const version = resolveVersion(api.version)
  if (version.kind === 'removed') {
    const message = `API version ${api.version} has been removed. Use one of ${DATE_VERSIONS.join(', ')}.`
    return errorReply(410, { message })
  }
  if (version.kind === 'unknown' || !route) return notFoundUrl(pathname)
  const denied = checkAuth(req.headers.authorization, route.scope, deps.tokens)
  if (denied) return denied

  const ctx = { store: deps.store, effectiveVersion: version.effective, legacyShape: deps.settings.legacyShape }
  switch (route.name) {
    case 'GET projectConfig':
      return ok(deps.config)
    case 'GET mediaLibrary/:id':
      return getEntry(route.id ?? '', ctx)
    case 'GET mediaLibrary':
      return findEntries(new URL(req.url ?? '/', 'http://emulator').searchParams, ctx)
    case 'POST import/mediaLibrary':
      return importMediaLibrary(req, deps, version.effective)
    case 'PATCH mediaLibrary/:id':
      return patchMediaLibraryEntry(req, route.id ?? '', deps, version.effective)
  }
}

async function patchMediaLibraryEntry(
  req: IncomingMessage,
  id: string,
  deps: ServerDeps,
  effectiveVersion: string,
): Promise<Reply | undefined> {
  const current = deps.store.get(id)
  if (!current) {
    return errorReply(404, { name: 'NotFound', message: `MediaLibrary Entry does not exist (id: '${id}')` })
  }
  const contentType = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(contentType)) {
    return badRequest(`Content-Type must be application/json (got ${JSON.stringify(contentType)})`)
  }
  const body = await readBody(req, deps.maxBodyBytes)
  if (body.kind === 'aborted') return undefined
  if (body.kind === 'too-large') return errorReply(413, { message: 'The request body is too large', limit: body.limit })
  // Read again after the body: another request may have patched the entry meanwhile.
  const latest = deps.store.get(id) ?? current
  const outcome = patchEntry(body.text, latest, deps.config, effectiveVersion)
  if (!outcome.ok) return outcome.reply
  deps.store.replace(outcome.entry)
  await deps.store.persist()
  return ok({ status: 200 })
}

async function importMediaLibrary(
  req: IncomingMessage,
  deps: ServerDeps,
  effectiveVersion: string,
): Promise<Reply | undefined> {
  const contentType = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(contentType)) {
    return badRequest(`Content-Type must be application/json (got ${JSON.stringify(contentType)})`)
  }
  const body = await readBody(req, deps.maxBodyBytes)
  if (body.kind === 'aborted') return undefined
  if (body.kind === 'too-large') {
    const message = `The request body is larger than the limit of ${body.limit} bytes (maxRequestBodySize). Send fewer entries per request.`
    return errorReply(413, { message, limit: body.limit }, { connection: 'close' })
  }
  const parsed = parseImportBody(body.text)
  if (!parsed.ok) return badRequest(parsed.message)
  const outcome = importBatch(parsed.entries, deps.store, deps.config)
  if (outcome.stored > 0) await deps.store.persist()
  return ok(wrapList(effectiveVersion, outcome.results, deps.settings.legacyShape))
}

function applyEarlyFault(fault: Fault, res: ServerResponse): void {
  if ('destroySocket' in fault) {
    res.socket?.destroy()
    return
  }
  if (!('status' in fault)) return
  if (fault.status === 429) {
    const message = `Too many requests. Retry after ${fault.retryAfterSeconds} seconds.`
    sendReply(res, errorReply(429, { message }, { 'retry-after': String(fault.retryAfterSeconds) }))
  } else if (fault.status === 500) {
    sendReply(res, errorReply(500, { message: 'Injected fault: internal server error before processing' }))
  } else {
    // 502/503 come from the proxy in front of Livingdocs, which answers HTML, not the API's JSON.
    const title = fault.status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable'
    const rawBody = `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>\n`
    sendReply(res, { status: fault.status, body: null, rawBody, headers: { 'content-type': 'text/html' } })
  }
}

async function applyLateFault(fault: Fault, reply: Reply, res: ServerResponse, closing: AbortSignal): Promise<void> {
  if ('delayMs' in fault) {
    await sleep(fault.delayMs, undefined, { signal: closing }).catch(() => undefined)
    sendReply(res, reply)
  } else if ('malformedJson' in fault) {
    const text = JSON.stringify(reply.body)
    const rawBody = text.slice(0, Math.max(1, Math.floor(text.length / 2)))
    sendReply(res, { status: 200, body: null, rawBody, headers: { 'content-type': 'application/json; charset=utf-8' } })
  } else if ('answerBody' in fault) {
    const headers = { 'content-type': 'application/json; charset=utf-8' }
    sendReply(res, { status: 200, body: null, rawBody: fault.answerBody, headers })
  } else if ('storeThenFail' in fault) {
    sendReply(res, errorReply(500, { message: 'Injected fault: the batch was stored, then the server failed' }))
  } else if ('destroySocket' in fault) {
    res.socket?.destroy()
  }
}
