/**
 * What the emulator answers: a Reply is plain data so faults can rewrite it before it is sent.
 * Error bodies follow the shapes on the Get Started page: `{ status, error, error_details }`.
 */
import type { ServerResponse } from 'node:http'

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** Sent as is instead of JSON (gateway pages, truncated bodies). */
  rawBody?: string
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error'
}

export function ok(body: unknown): Reply {
  return { status: 200, body }
}

export function errorReply(
  status: number,
  errorDetails: Record<string, unknown>,
  headers?: Record<string, string>,
): Reply {
  const reply: Reply = { status, body: { status, error: reasonPhrase(status), error_details: errorDetails } }
  if (headers) reply.headers = headers
  return reply
}

export function notFoundUrl(path: string): Reply {
  return errorReply(404, { url: path })
}

export function badRequest(message: string): Reply {
  return errorReply(400, { message })
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return
  const text = reply.rawBody ?? JSON.stringify(reply.body)
  const contentType = reply.rawBody === undefined ? 'application/json; charset=utf-8' : undefined
  res.writeHead(reply.status, {
    ...(contentType ? { 'content-type': contentType } : {}),
    'content-length': String(Buffer.byteLength(text)),
    ...reply.headers,
  })
  res.end(text)
}
