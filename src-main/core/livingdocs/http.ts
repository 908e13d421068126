/**
 * One HTTP exchange with the Livingdocs server: a fresh AbortController per request, a timeout
 * that covers the whole exchange (headers and body), and the caller's signal for cancelling.
 * Turns the answer into parsed JSON or a typed `LivingdocsApiError`. The token goes into the
 * Authorization header only; no message built here ever contains it.
 */
import type { AnswerReader } from './answer-schemas'
import { LivingdocsApiError, describeErrorBody } from './errors'
import { formatBytes, readCappedText } from './read-capped'
import { parseRetryAfter } from './retry-after'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface HttpCall {
  method: 'GET' | 'POST' | 'PATCH'
  url: string
  token: string
  body?: string
  timeoutMs: number
  signal?: AbortSignal
  fetch?: FetchLike
  /** Named in messages about 404/410, e.g. `2026-05`. */
  apiVersion: string
  /** The answer's body is read up to this many bytes, then the request is aborted (answer-limits.ts). */
  maxBytes: number
  /** The token scope this endpoint needs, named when the server answers 403. */
  scope: string
  /** Called with each `Warning` header of the answer (deprecations); the client shows each once. */
  onWarning?: (warning: string) => void
}

/** Network failures where the request provably never reached the server. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

function causeCode(err: unknown): string | undefined {
  let current: unknown = err
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

/**
 * The texts of a `Warning` header (RFC 7234: `299 - "text"`, several joined by commas), which is
 * how Livingdocs announces deprecations; a header in another form is passed on whole.
 */
export function warningTexts(header: string | null): string[] {
  if (!header) return []
  const texts = [...header.matchAll(/\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g)].map((m) =>
    (m[1] ?? '').replace(/\\(.)/g, '$1'),
  )
  // Control characters could rewrite a terminal line or forge a log line; the text is for reading.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const controls = /[\u0000-\u001f\u007f-\u009f]+/g
  const clean = (text: string): string => text.replace(controls, ' ').trim().slice(0, 500)
  return (texts.length > 0 ? texts : [header]).map(clean).filter(Boolean)
}

interface Exchanged {
  status: number
  headers: Headers
  /** Undefined when the body was longer than `maxBytes`. */
  text: string | undefined
}

async function exchange(call: HttpCall): Promise<Exchanged> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, call.timeoutMs)
  const onAbort = (): void => controller.abort()
  call.signal?.addEventListener('abort', onAbort, { once: true })
  const isPost = call.method !== 'GET'
  try {
    call.signal?.throwIfAborted()
    const headers: Record<string, string> = { Authorization: `Bearer ${call.token}`, Accept: 'application/json' }
    if (call.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8'
    const response = await (call.fetch ?? fetch)(call.url, {
      method: call.method,
      headers,
      body: call.body,
      signal: controller.signal,
    })
    for (const warning of warningTexts(response.headers.get('warning'))) call.onWarning?.(warning)
    const text = await readCappedText(response, call.maxBytes, () => controller.abort())
    return { status: response.status, headers: response.headers, text }
  } catch (err) {
    if (call.signal?.aborted) throw new LivingdocsApiError('cancelled', 'The request was cancelled.', { cause: err })
    if (timedOut) {
      throw new LivingdocsApiError(
        'timeout',
        `No answer from the Livingdocs server within ${Math.round(call.timeoutMs / 1000)} s (${call.method} ${pathOf(call.url)}).`,
        { retryable: true, ambiguous: isPost, cause: err },
      )
    }
    const code = causeCode(err)
    const detail = code ?? (err instanceof Error ? err.message : String(err))
    throw new LivingdocsApiError(
      'network',
      `Could not reach the Livingdocs server (${detail}) for ${call.method} ${pathOf(call.url)}; check the URL and the network.`,
      { retryable: true, ambiguous: isPost && !(code !== undefined && NEVER_CONNECTED.has(code)), cause: err },
    )
  } finally {
    clearTimeout(timer)
    call.signal?.removeEventListener('abort', onAbort)
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** The server's own words on a 403, without repeating "Forbidden". */
const said403 = (details: string): string => {
  const said = details.replace(/^Forbidden(: )?/, '')
  return said ? `: ${said}` : ''
}

function isMissingEntry(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false
  const details = (body as { error_details?: unknown }).error_details
  if (typeof details !== 'object' || details === null) return false
  const d = details as Record<string, unknown>
  return d.name === 'NotFound' && d.url === undefined
}

/**
 * An answer that is not what the API documents: too large, or the wrong shape. Nothing built on
 * it can be trusted, so the run stops (`stopsRun`); after a POST the server may have acted.
 */
function badAnswer(call: HttpCall, status: number, problem: string): LivingdocsApiError {
  return new LivingdocsApiError(
    'bad-answer',
    `The Livingdocs server's answer to ${call.method} ${pathOf(call.url)} (${status}) cannot be used: ${problem}. ` +
      'Nothing more is sent. Check that the profile URL is the Livingdocs server and its apiVersion suits it, or ask its admins.',
    { status, ambiguous: call.method !== 'GET' },
  )
}

/**
 * Sends the request and returns the body of a 2xx answer as `read` accepts it; throws a typed
 * error otherwise. The body is read up to `call.maxBytes`, whatever the status.
 */
export async function requestJson<T>(call: HttpCall, read: AnswerReader<T>): Promise<T> {
  const { status, headers, text } = await exchange(call)
  // An oversized error answer is only missing its details: its status still says what happened
  // (a proxy's 502 page stays a retryable 502). An oversized success is a broken answer.
  if (text === undefined && status >= 200 && status < 300) {
    throw badAnswer(
      call,
      status,
      `it is larger than ${formatBytes(call.maxBytes)}, far more than this request can need, so reading it was stopped`,
    )
  }
  const isPost = call.method !== 'GET'
  const parsed = parseJson(text ?? '')
  const body = parsed.ok ? parsed.value : undefined
  const where = `${call.method} ${pathOf(call.url)}`
  const details = describeErrorBody(body)
  const suffix = details ? ` (${details})` : ''

  if (status >= 200 && status < 300) {
    if (parsed.ok) {
      const checked = read(body)
      if (checked.ok) return checked.value
      throw badAnswer(call, status, checked.problem)
    }
    throw new LivingdocsApiError(
      'malformed',
      `The Livingdocs server answered ${status} to ${where} with a body that is not JSON (${(text ?? '').slice(0, 60).trim() || 'empty'}).`,
      { status, retryable: true, ambiguous: isPost },
    )
  }
  if (status === 401) {
    throw new LivingdocsApiError(
      'auth',
      `The Livingdocs server refused the access token (401 Unauthorized)${suffix}. Create a new token under Project Admin → Api Clients and configure it.`,
      { status },
    )
  }
  if (status === 403) {
    throw new LivingdocsApiError(
      'auth',
      `The access token may not do this (403 Forbidden${said403(details)}): ${where} needs the scope ${call.scope}. ` +
        'Give the API client that scope under Project Admin → Api Clients (or create a token that has it) and configure the token.',
      { status, scope: call.scope },
    )
  }
  // A missing entry (`error_details.name: "NotFound"`) is an answer about data, not about the
  // route; only an unknown route (`error_details.url`, or no Livingdocs body) means a wrong
  // server URL or API version (auth-errors.yaml and the media library endpoints in the docs).
  if (status === 404 && isMissingEntry(body)) {
    throw new LivingdocsApiError('not-found', `The Livingdocs server has no such entry (404 at ${where})${suffix}.`, {
      status,
    })
  }
  if (status === 404 || status === 410) {
    const what = status === 410 ? '410 Gone: this API version was removed' : '404 Not Found'
    throw new LivingdocsApiError(
      'version',
      `The Livingdocs server answered ${what} for ${where}. Check the server URL and API version ${call.apiVersion}, or set apiVersion to "auto".`,
      { status },
    )
  }
  if (status === 413) {
    throw new LivingdocsApiError('too-large', `The request body was too large for the server (413) at ${where}.`, {
      status,
    })
  }
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'))
  if (status === 429) {
    throw new LivingdocsApiError(
      'rate-limit',
      `The Livingdocs server asks to slow down (429 Too Many Requests)${suffix}.`,
      {
        status,
        retryable: true,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      },
    )
  }
  if (status >= 500) {
    throw new LivingdocsApiError('server', `The Livingdocs server failed with ${status} on ${where}${suffix}.`, {
      status,
      retryable: true,
      ambiguous: isPost,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    })
  }
  throw new LivingdocsApiError('request', `The Livingdocs server refused ${where} with ${status}${suffix}.`, {
    status,
    ...(body === undefined ? {} : { body }),
  })
}
