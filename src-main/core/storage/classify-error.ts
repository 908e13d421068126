/**
 * Turns whatever an upload attempt threw into (a) whether to retry it right away and (b) the
 * message an editor sees on the row. Pure: it reads error fields only. Every outcome offers the
 * row's Retry action except configuration mistakes, which Retry alone cannot fix.
 */
import type { UploadErrorCode } from './types'

/** The file on disk is not the one that was scanned. */
export class SourceChangedError extends Error {
  override readonly name = 'SourceChangedError'
}

/** The server holds something other than what was sent. */
export class VerifyFailedError extends Error {
  override readonly name = 'VerifyFailedError'
}

/**
 * S3 answers its API calls with XML or nothing; a web page means something else answered: a
 * Wi-Fi sign-in page, a proxy, a wrong endpoint. Raised by s3-client.ts's `rejectWebPages`.
 */
export class NotS3AnswerError extends Error {
  override readonly name = 'NotS3AnswerError'
  constructor(
    readonly status: number | undefined,
    readonly contentType: string,
  ) {
    super(`answered with a web page (HTTP ${status ?? '?'}, ${contentType}) instead of S3`)
  }
}

/** The upload journal could not be written (a full or read-only disk); `cause` has the errno. */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError'
  readonly code: string | undefined
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as { code?: string } | undefined)?.code
    super(`Upload journal ${path} could not be written (${code ?? String(cause)}).`, { cause })
    this.code = code
  }
}

export interface FailureContext {
  fileName: string
  bucket: string
  /** e.g. `the AWS profile "news"`; never a secret. */
  credentialSource: string
  /** `http://127.0.0.1:9000` or `AWS (eu-central-1)`. */
  storeLabel: string
  attempts: number
}

export interface Classified {
  /** Worth trying the same request again after a backoff. */
  transient: boolean
  /** The user cancelled or paused: not a failure. */
  aborted: boolean
  code: UploadErrorCode
  message: string
  retryable: boolean
}

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
])
const throttleNames = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestTimeout', 'TooManyRequests'])
const deniedNames = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'Forbidden',
  'AllAccessDisabled',
])
const sourceGoneCodes = new Set(['ENOENT', 'ENOTDIR'])

interface ErrorFields {
  name?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
  $fault?: string
  /** The raw answer, on the SDK's errors for answers it could not read. */
  $response?: { statusCode?: number; headers?: Record<string, string> }
}

function fieldsOf(err: unknown): ErrorFields {
  return typeof err === 'object' && err !== null ? (err as ErrorFields) : { message: String(err) }
}

export function isAbort(err: unknown): boolean {
  const e = fieldsOf(err)
  return e.name === 'AbortError' || e.code === 'ABORT_ERR'
}

export function classifyError(err: unknown, ctx: FailureContext): Classified {
  const e = fieldsOf(err)
  const name = e.name ?? ''
  const status = e.$metadata?.httpStatusCode
  const fail = (code: UploadErrorCode, message: string, transient = false, retryable = true): Classified => ({
    transient,
    aborted: false,
    code,
    message,
    retryable,
  })
  const file = `"${ctx.fileName}"`
  const tries = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : ''

  if (isAbort(err)) return { transient: false, aborted: true, code: 'unknown', message: 'Cancelled.', retryable: true }
  if (err instanceof JournalWriteError) {
    const problem =
      err.code === 'ENOSPC' || err.code === 'EDQUOT'
        ? `the disk is full (${err.code}). Free some space there`
        : err.code === 'EROFS'
          ? 'the disk is read-only (EROFS). Make it writable'
          : `of ${err.code ?? err.message}. Check that disk`
    return fail(
      'journal-write',
      `The upload of ${file} was stopped: its progress could not be saved in ${err.path}, because ${problem}, ` +
        'then retry. Nothing that was saved is lost, and no file is uploaded twice.',
    )
  }
  if (err instanceof NotS3AnswerError) {
    return fail(
      'network',
      `The storage server at ${ctx.storeLabel} ${err.message}. A Wi-Fi sign-in page or a proxy may be in the ` +
        'way: open any web page in a browser, or check the endpoint in the storage profile, then retry.',
    )
  }
  if (err instanceof SourceChangedError) {
    return fail(
      'source-changed',
      `${file} changed since it was scanned (${e.message}). Retry uploads the current version.`,
    )
  }
  // The store hashed the bytes it received and found another sha256 than the signed one (the
  // probe's): the file changed since the scan with its size and date kept, or bytes were mangled
  // on the way. Retry hashes the file anew (upload-engine.ts), so it cannot fail the same way.
  if (name === 'XAmzContentSHA256Mismatch') {
    return fail(
      'source-changed',
      `${file} changed since it was scanned: the storage server received other bytes than those scanned ` +
        `(${name}), though its size and date are the same. Retry uploads the current version.`,
    )
  }
  if (err instanceof VerifyFailedError) {
    return fail('verify-failed', `The storage server did not confirm ${file}: ${e.message}. Retry uploads it again.`)
  }
  // Part planning refuses files beyond S3's limits (5 TiB, 10,000 parts) with a RangeError.
  if (err instanceof RangeError) return fail('too-large', `${file} cannot be uploaded: ${e.message}`, false, false)
  if (e.code && sourceGoneCodes.has(e.code)) {
    return fail('source-missing', `${file} was moved or deleted since it was scanned. Put it back, then retry.`)
  }
  // ELOOP: the path became a symlink loop; the file is there by name but cannot be opened.
  if (e.code && /^E(ACCES|PERM|IO|ISDIR|BUSY|MFILE|NFILE|LOOP)$/.test(e.code)) {
    return fail(
      'read-error',
      `${file} could not be read (${e.code}). Check the disk and the file's permissions, then retry.`,
    )
  }
  if (name === 'NoSuchBucket' || (status === 404 && /bucket/i.test(e.message ?? ''))) {
    return fail(
      'bucket-missing',
      `Bucket "${ctx.bucket}" does not exist on ${ctx.storeLabel}. Fix the bucket in the storage profile, then retry.`,
    )
  }
  if (deniedNames.has(name) || status === 403) {
    return fail(
      'access-denied',
      `Access to bucket "${ctx.bucket}" was denied for ${ctx.credentialSource} (${name || status}). ` +
        'Check the keys and the bucket policy, then retry.',
    )
  }
  if (name === 'CredentialsProviderError' || /credential/i.test(name)) {
    return fail(
      'access-denied',
      `No usable credentials from ${ctx.credentialSource} for bucket "${ctx.bucket}": ${e.message ?? name}. ` +
        'Sign in or set the keys, then retry.',
    )
  }
  // The SDK could not read the answer as S3's XML: something else answered, or it came cut short.
  if (e.$response && /Deserialization error/i.test(e.message ?? '')) {
    const type = e.$response.headers?.['content-type'] ?? 'no content type'
    return fail(
      'server-error',
      `The storage server at ${ctx.storeLabel} answered for ${file} with something that is not S3's answer ` +
        `(HTTP ${e.$response.statusCode ?? '?'}, ${type})${tries}. Check the endpoint in the storage profile, ` +
        'or retry later; finished parts are kept.',
      true,
    )
  }
  if (throttleNames.has(name) || (status !== undefined && status >= 500) || status === 429) {
    return fail(
      'server-error',
      `The storage server kept refusing ${file} (${name || status})${tries}. Retry later; finished parts are kept.`,
      true,
    )
  }
  if (
    name === 'TimeoutError' ||
    (e.code && networkCodes.has(e.code)) ||
    /socket hang up|network|timed? ?out/i.test(e.message ?? '')
  ) {
    return fail(
      'network',
      `The storage server at ${ctx.storeLabel} could not be reached (${e.code ?? name})${tries}. ` +
        'Check the network; Retry continues where the upload stopped.',
      true,
    )
  }
  if (name === 'EntityTooLarge') return fail('too-large', `${file} is larger than the store accepts.`, false, false)
  if (name === 'InvalidBucketName' || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed') {
    return fail(
      'config',
      `The storage profile is wrong for bucket "${ctx.bucket}" (${name}): ${e.message ?? ''}`,
      false,
      false,
    )
  }
  // A response without any HTTP status never reached a server that answered: treat it as the network.
  const programmingError = err instanceof TypeError || err instanceof ReferenceError || err instanceof SyntaxError
  if (status === undefined && e.$fault === undefined && !programmingError) {
    return fail(
      'network',
      `Uploading ${file} failed (${e.code ?? name ?? 'error'}: ${e.message ?? ''})${tries}. Retry continues where it stopped.`,
      true,
    )
  }
  return fail('unknown', `Uploading ${file} failed (${name || status}: ${e.message ?? ''}). Retry to try again.`)
}
