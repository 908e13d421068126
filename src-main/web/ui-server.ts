/**
 * The `media-import ui` server: the renderer, its bridge, the commands, the events and the
 * thumbnails on 127.0.0.1 only. Every request passes the same gate before any route runs: Host
 * must be this server (no DNS rebinding), Origin and Sec-Fetch-Site must not name another site,
 * and the token must come along (header, or the HttpOnly cookie the first visit sets from
 * `?token=`, as Jupyter does). No CORS header is ever sent, so no other site can read an answer.
 * Commands go through `dispatchCommand`, the zod schemas IPC uses.
 */
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { IpcResult } from '../contract'
import { dispatchCommand, isCommandName } from '../core/commands/dispatch'
import type { Handlers } from '../core/commands/handlers'
import { createMediaFileHandler, type RowLookup } from '../core/probe/thumbnails/media-file'
import { MEDIA_FILE_PATH } from '../../src-shared/urls/media-file-url'
import { createThumbnailHandler } from '../core/probe/thumbnails/thumbnail-response'
import { THUMBNAIL_HTTP_PATH } from '../../src-shared/urls/thumbnail-url'
import { CONTENT_SECURITY_POLICY } from '../electron/security-policy'
import {
  ANSWER_EVENT,
  BRIDGE_PATH,
  bridgeScript,
  CALL_HEADER,
  COMMAND_PATH,
  EVENTS_PATH,
  READY_EVENT,
  STREAM_HEADER,
  STREAM_ID,
} from './bridge-script'
import type { EventStreams } from './event-stream'
import { BodyTooLarge, readBody } from './read-body'
import { assertRendererBuilt, contentType, rendererFile, withBridge } from './renderer-files'
import {
  cookieName,
  cookieValue,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  TOKEN_HEADER,
  tokenCookie,
  tokenMatches,
} from './request-guard'

/** A metadata CSV or a large paste fits easily; anything bigger is not an editor's command. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

/**
 * The Electron window's policy (security-policy.ts), without the media-thumb: scheme a browser
 * cannot load (thumbnails come from 'self' here), and never framed by another page.
 */
export const WEB_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY.replace(' media-thumb:', '')}; frame-ancestors 'none'`

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The first address carries the token: it must never leave in a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export interface UiServerOptions {
  handlers: Handlers
  events: EventStreams
  thumbnailDir: string
  /** The open session's rows by id: the video a poster frame is drawn from (/media-file/<rowId>). */
  getRow?: RowLookup
  rendererDir: string
  /** 0 or absent: a random free port. */
  port?: number
  /** For tests; a fresh 32-byte token otherwise. */
  token?: string
  /**
   * The e2e harness only (e2e/harness/ui-harness.ts): the page's bridge takes dropped files'
   * paths from its test hook (bridge-script.ts), since a browser gives none. `media-import ui` never sets it.
   */
  testHooks?: boolean
}

export interface UiServer {
  /** The address to open: it carries the token. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

function text(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra })
  res.end(`${message}\n`)
}

const NO_TOKEN =
  'Forbidden: this address needs the token. Open the address `media-import ui` printed (UI_URL=…), which carries it.'

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  assertRendererBuilt(options.rendererDir)
  const token = options.token ?? newToken()
  const thumbnails = createThumbnailHandler(options.thumbnailDir)
  // Same origin, so no CORS header: the page draws a video row's frame where main has no ffmpeg.
  const mediaFiles = options.getRow ? createMediaFileHandler(options.getRow) : undefined
  let port = 0

  const serveFile = async (res: ServerResponse, pathname: string, head: boolean): Promise<void> => {
    const file = rendererFile(options.rendererDir, pathname)
    const body = file ? await readFile(file).catch(() => null) : null
    if (!file || !body) return text(res, 404, 'Not found')
    const isIndex = contentType(file).startsWith('text/html')
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Cache-Control': 'no-store' })
    res.end(head ? undefined : isIndex ? withBridge(body.toString('utf8'), BRIDGE_PATH) : body)
  }

  const runCommand = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    // A header no form and no simple request can carry: the cookie alone never runs a command.
    const header = req.headers[TOKEN_HEADER]
    if (!tokenMatches(typeof header === 'string' ? header : undefined, token)) return text(res, 403, NO_TOKEN)
    if (!isCommandName(name)) return text(res, 404, `No command "${name}".`)
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return text(res, 415, 'Commands are JSON (Content-Type: application/json).')
    }
    let raw: string
    try {
      raw = await readBody(req, MAX_BODY_BYTES)
    } catch (err) {
      if (err instanceof BodyTooLarge) return text(res, 413, err.message, { Connection: 'close' })
      throw err
    }
    let arg: unknown
    try {
      arg = raw === '' ? undefined : (JSON.parse(raw) as unknown)
    } catch {
      return text(res, 400, `${name}: the request is not valid JSON.`)
    }
    const answer: IpcResult<unknown> = await dispatchCommand(options.handlers, name, arg)
    // On the page's stream when it has one open, right after the events sent before it.
    const stream = req.headers[STREAM_HEADER]
    const call = Number(req.headers[CALL_HEADER])
    if (typeof stream === 'string' && Number.isSafeInteger(call)) {
      if (options.events.answer(stream, ANSWER_EVENT, { call, answer })) {
        res.writeHead(202, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' })
        return void res.end()
      }
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    res.end(JSON.stringify(answer))
  }

  const sendResponse = async (res: ServerResponse, answer: Response): Promise<void> => {
    res.writeHead(answer.status, { ...Object.fromEntries(answer.headers.entries()), ...SECURITY_HEADERS })
    if (!answer.body) return void res.end()
    // Streamed: a video (or its range) is not read into memory first.
    await pipeline(Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>), res)
  }

  const serveThumbnail = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    await sendResponse(res, await thumbnails({ url: url.href, method: req.method ?? 'GET' }))
  }

  const serveMediaFile = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (!mediaFiles) return text(res, 404, 'Not found')
    const range = req.headers.range
    const headers = new Headers(typeof range === 'string' ? { range } : {})
    await sendResponse(res, await mediaFiles({ url: url.href, method: req.method ?? 'GET', headers }))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host
    if (!isAllowedHost(host, port))
      return text(res, 403, 'Forbidden: this server answers only at 127.0.0.1 or localhost.')
    const origin = req.headers.origin
    const site = req.headers['sec-fetch-site']
    if (!isAllowedOrigin(origin, host) || !isAllowedFetchSite(typeof site === 'string' ? site : undefined)) {
      return text(res, 403, 'Forbidden: requests from other sites are refused.')
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    const method = req.method ?? 'GET'
    // The first visit: the token from the address becomes a cookie, and the address loses it.
    const fromQuery = url.searchParams.get('token')
    if (fromQuery !== null && method === 'GET' && url.pathname === '/') {
      if (!tokenMatches(fromQuery, token)) return text(res, 403, NO_TOKEN)
      res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': tokenCookie(port, token), Location: '/' })
      return void res.end()
    }
    if (method === 'POST' && url.pathname.startsWith(COMMAND_PATH)) {
      return runCommand(req, res, url.pathname.slice(COMMAND_PATH.length))
    }
    const header = req.headers[TOKEN_HEADER]
    const given = typeof header === 'string' ? header : cookieValue(req.headers.cookie, cookieName(port))
    if (!tokenMatches(given, token)) return text(res, 403, NO_TOKEN)
    if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
    if (url.pathname === EVENTS_PATH) {
      const stream = url.searchParams.get('stream')
      return options.events.add(
        res,
        SECURITY_HEADERS,
        READY_EVENT,
        stream && STREAM_ID.test(stream) ? stream : undefined,
      )
    }
    if (url.pathname === BRIDGE_PATH) {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      return void res.end(
        method === 'HEAD' ? undefined : bridgeScript(token, TOKEN_HEADER, { testHooks: options.testHooks === true }),
      )
    }
    if (url.pathname.startsWith(THUMBNAIL_HTTP_PATH)) return serveThumbnail(req, res, url)
    if (url.pathname.startsWith(MEDIA_FILE_PATH)) return serveMediaFile(req, res, url)
    // Browsers ask for an icon on their own; the app has none.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204, SECURITY_HEADERS).end()
    return serveFile(res, url.pathname, method === 'HEAD')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) text(res, 500, `The server failed: ${err instanceof Error ? err.message : String(err)}`)
      else res.destroy()
    })
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    // Loopback only: nothing else on the network can reach it.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail)
      done()
    })
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        options.events.close()
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
