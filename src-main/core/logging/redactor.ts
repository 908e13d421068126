/**
 * Removes secrets from anything on its way to a log line. Two layers, because either alone
 * misses something: fields whose NAME says they hold a secret (an `authorization` header, a
 * `secretAccessKey`) are dropped whatever their value, and the VALUES registered at startup (the
 * token, the S3 keys) are cut out of every string, also when they arrive base64- or URL-encoded
 * inside an error message or a request dump. Pure, no I/O.
 */

export const REDACTED = '[redacted]'

/** Shorter values would cut ordinary words out of messages; no real token or key is this short. */
const MIN_SECRET_LENGTH = 6

/** Field names that hold secrets whatever their value (compared without case, `-` and `_`). */
const secretFieldNames = new Set(
  [
    'authorization',
    'proxyAuthorization',
    'cookie',
    'setCookie',
    'token',
    'accessToken',
    'refreshToken',
    'apiToken',
    'bearer',
    'password',
    'passphrase',
    'secret',
    'clientSecret',
    'secretAccessKey',
    'secretKey',
    'sessionToken',
    'xAmzSecurityToken',
    'xAmzSignature',
    'signature',
    'credentials',
    'privateKey',
  ].map((name) => normaliseName(name)),
)

function normaliseName(name: string): string {
  return name.replace(/[-_\s]/g, '').toLowerCase()
}

export function isSecretFieldName(name: string): boolean {
  return secretFieldNames.has(normaliseName(name))
}

/**
 * Secrets that travel in a recognisable shape even when their value was never registered:
 * `Bearer …` headers, SigV4 signatures and credentials in URLs or headers, basic auth in URLs.
 */
const secretShapes: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\b(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/\b(Signature=)[0-9a-f]{16,}/gi, `$1${REDACTED}`],
  [/\b(Credential=)[^,&\s"']+/gi, `$1${REDACTED}`],
  [/(\/\/)[^/\s:@"']+:[^/\s@"']+@/g, `$1${REDACTED}@`],
]

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Every spelling of a secret that can end up in text: as is, URL-encoded, JSON-escaped, and
 * base64 (standard and URL-safe) at each of the three alignments it can have inside a longer
 * encoded string (`user:secret` in a Basic header). Only the stable middle of an unaligned
 * encoding is used, which still identifies the secret.
 */
export function spellingsOf(secret: string): string[] {
  const spellings = new Set<string>([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])
  const bytes = Buffer.from(secret, 'utf8')
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes])
    const base64 = padded.toString('base64').replace(/=+$/, '')
    // Characters touched by the padding bytes before, or by whatever follows, are not stable.
    const start = offset === 0 ? 0 : Math.ceil((offset * 8) / 6)
    const end = Math.floor((padded.length * 8) / 6)
    const stable = base64.slice(start, end)
    if (stable.length >= MIN_SECRET_LENGTH) {
      spellings.add(stable)
      spellings.add(stable.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  return [...spellings].filter((s) => s.length >= MIN_SECRET_LENGTH)
}

export class Redactor {
  private readonly secrets = new Set<string>()
  private pattern: RegExp | undefined

  /** Registers values to cut out of every string from now on (empty and too-short values are ignored). */
  addSecret(...values: readonly (string | undefined)[]): void {
    let added = false
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH) continue
      for (const spelling of spellingsOf(value)) {
        if (this.secrets.has(spelling)) continue
        this.secrets.add(spelling)
        added = true
      }
    }
    // Longest first, so a secret that contains another is cut whole.
    if (added) {
      const sorted = [...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp)
      this.pattern = new RegExp(sorted.join('|'), 'g')
    }
  }

  get size(): number {
    return this.secrets.size
  }

  redactText(text: string): string {
    let out = this.pattern ? text.replace(this.pattern, REDACTED) : text
    for (const [shape, replacement] of secretShapes) out = out.replace(shape, replacement)
    return out
  }

  /** A copy of `value` safe to log: secret fields dropped, strings cleaned, cycles and depth bounded. */
  redact(value: unknown): unknown {
    return this.walk(value, 0, new WeakSet())
  }

  private walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.redactText(value)
    if (value === null || typeof value !== 'object') {
      return typeof value === 'bigint' ? String(value) : typeof value === 'function' ? undefined : value
    }
    if (seen.has(value)) return '[circular]'
    if (depth > 8) return '[too deep]'
    seen.add(value)
    if (value instanceof Error) return this.walk(errorFields(value), depth + 1, seen)
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`
    if (Array.isArray(value)) return value.map((item) => this.walk(item, depth + 1, seen))
    if (value instanceof Date) return value.toISOString()
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        isSecretFieldName(key) && item !== undefined && item !== null ? REDACTED : this.walk(item, depth + 1, seen)
    }
    return out
  }
}

/**
 * What an error says, without the parts that carry request objects (the AWS SDK puts the whole
 * request, headers and all, on `$metadata`/`$response`): name, message, code, status, cause.
 */
export function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { name: error.name, message: error.message }
  const extra = error as Error & { code?: unknown; status?: unknown; $metadata?: { httpStatusCode?: unknown } }
  if (typeof extra.code === 'string' || typeof extra.code === 'number') fields.code = extra.code
  if (typeof extra.status === 'number') fields.status = extra.status
  if (typeof extra.$metadata?.httpStatusCode === 'number') fields.status = extra.$metadata.httpStatusCode
  if (error.cause instanceof Error) fields.cause = errorFields(error.cause)
  else if (typeof error.cause === 'string') fields.cause = error.cause
  return fields
}
