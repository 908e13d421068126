/**
 * Builds the S3 client from a storage config. The SDK's own retries are off (maxAttempts 1):
 * a part body is a file stream that cannot be replayed, so retry-with-backoff lives in
 * with-retries.ts, which opens a fresh stream for each attempt.
 */
import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { S3Client } from '@aws-sdk/client-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { NotS3AnswerError } from './classify-error'
import type { CredentialSource, StorageConfig } from './types'

export const DEFAULT_CONCURRENCY = 8

/** How the credential source is named in messages; never includes a secret. */
export function describeCredentialSource(source: CredentialSource): string {
  switch (source.type) {
    case 'keys':
      return source.label ?? `the access key ${source.accessKeyId.slice(0, 4)}… saved in the app`
    case 'profile':
      return `the AWS profile "${source.profile}"`
    case 'default-chain':
      return 'the default AWS credentials (environment, shared config or SSO)'
  }
}

export function describeStore(config: Pick<StorageConfig, 'endpoint' | 'region'>): string {
  return config.endpoint ?? `AWS S3 (${config.region})`
}

/**
 * The SDK warns on stderr for every failed streaming request ("non-retryable streaming request");
 * this engine retries those itself and reports failures per row, so the warning is only noise.
 * No `info`: the SDK calls `logger.info?.(…)` after every request with the input and output run
 * through its sensitive-data filter, work that is skipped only when `info` is missing (its own
 * no-op logger would send the warning to the console instead).
 */
type SdkLogger = NonNullable<S3ClientConfig['logger']>
const quietLogger = { trace() {}, debug() {}, warn() {}, error() {} } as unknown as SdkLogger

/** Their Content-Type is the stored object's, which may well be a web page. */
const objectAnswers = new Set(['HeadObjectCommand', 'GetObjectCommand'])

/**
 * Refuses an answer that is a web page. A sign-in page answering a PUT with 200 would otherwise
 * pass for a stored object until the HEAD after it, and one answering 403 would read as denied
 * access to the bucket. Runs inside the SDK's deserializer, so it sees the raw answer first.
 */
function rejectWebPages(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args)
      const response = result.response as {
        statusCode?: number
        headers?: Record<string, string>
        body?: { destroy?: () => void }
      }
      const type = response.headers?.['content-type'] ?? ''
      if (/^text\/html/i.test(type) && !objectAnswers.has(context.commandName ?? '')) {
        response.body?.destroy?.()
        throw new NotS3AnswerError(response.statusCode, type)
      }
      return result
    },
    { step: 'deserialize', priority: 'low', name: 'rejectWebPages' },
  )
}

export function createS3Client(config: StorageConfig): S3Client {
  const concurrency = config.concurrency ?? DEFAULT_CONCURRENCY
  // Keep-alive sockets sized to the request concurrency (+ room for HEAD/Complete), so parts
  // reuse connections instead of paying a handshake each.
  const agentOptions = { keepAlive: true, maxSockets: concurrency + 4, keepAliveMsecs: 10_000 }
  const creds = config.credentials
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle ?? false,
    ...(creds.type === 'keys'
      ? {
          credentials: {
            accessKeyId: creds.accessKeyId,
            secretAccessKey: creds.secretAccessKey,
            ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
          },
        }
      : {}),
    ...(creds.type === 'profile' ? { profile: creds.profile } : {}),
    requestChecksumCalculation: config.requestChecksumCalculation ?? 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    logger: quietLogger,
    expectContinueHeader: config.expectContinue ?? 2 * 1024 * 1024,
    requestHandler: {
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
      connectionTimeout: config.connectTimeoutMs ?? 10_000,
      // Idle socket = stalled transfer; the request fails with TimeoutError and is retried.
      socketTimeout: config.stallTimeoutMs ?? 30_000,
    },
  })
  rejectWebPages(client)
  return client
}
