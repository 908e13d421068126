/**
 * Typed failures of a Livingdocs request. The importer decides on `retryable` (try again later)
 * and `ambiguous` (the server may have acted on a POST although we got no usable answer, so
 * look before sending again). Messages say what happened and what to do; they never contain
 * the token.
 */
export type ApiErrorKind =
  | 'auth'
  | 'version'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed'
  /** Too large or of the wrong shape (answer-schemas.ts, answer-limits.ts): stops the run. */
  | 'bad-answer'
  /** 404 `NotFound` for an entry: no such entry, not a wrong route. */
  | 'not-found'
  | 'too-large'
  | 'request'
  | 'cancelled'

export class LivingdocsApiError extends Error {
  readonly status: number | undefined
  readonly retryable: boolean
  readonly ambiguous: boolean
  readonly retryAfterMs: number | undefined
  /** On a 403: the scope the request needed. */
  readonly scope: string | undefined
  /** On a refusal (4xx `request`): the parsed answer, for its `error_details` (a PATCH's field errors). */
  readonly body: unknown

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    options: {
      status?: number
      retryable?: boolean
      ambiguous?: boolean
      retryAfterMs?: number
      scope?: string
      body?: unknown
      cause?: unknown
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'LivingdocsApiError'
    this.status = options.status
    this.retryable = options.retryable ?? false
    this.ambiguous = options.ambiguous ?? false
    this.retryAfterMs = options.retryAfterMs
    this.scope = options.scope
    this.body = options.body
  }

  /** Errors after which no further request can succeed: the run must stop and the editor act. */
  get stopsRun(): boolean {
    return this.kind === 'auth' || this.kind === 'version' || this.kind === 'cancelled' || this.kind === 'bad-answer'
  }
}

export const isApiError = (err: unknown): err is LivingdocsApiError => err instanceof LivingdocsApiError

/** What the server put in `error_details`, shortened for a message. */
export function describeErrorBody(body: unknown): string {
  if (typeof body !== 'object' || body === null) return ''
  const b = body as Record<string, unknown>
  const details = b.error_details
  const parts: string[] = []
  if (typeof b.error === 'string') parts.push(b.error)
  if (typeof details === 'object' && details !== null) {
    for (const value of Object.values(details as Record<string, unknown>)) {
      if (typeof value === 'string') parts.push(value)
    }
  } else if (typeof b.message === 'string') parts.push(b.message)
  return parts.join(': ').slice(0, 300)
}
