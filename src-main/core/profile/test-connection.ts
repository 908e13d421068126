/**
 * "Test connection" for a profile: has this token each scope the importer uses (read the project
 * configuration, look entries up, import), and can
 * these credentials reach, write and delete in each bucket? Each check answers in words that say
 * what is wrong and what to do (which scope is missing, which bucket, which credentials), never
 * with a secret. Nothing is left behind: the import probe sends an empty batch, and the object
 * written to each bucket is deleted again.
 */
import { randomUUID } from 'node:crypto'
import { DeleteObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import type { S3Client } from '@aws-sdk/client-s3'
import { livingdocsOptionsOf, storageConfigOf } from '../importer/profile-connections'
import { LivingdocsClient, SCOPES, type LivingdocsClientOptions } from '../livingdocs/client'
import { LivingdocsApiError } from '../livingdocs/errors'
import type { MediaKind } from '../model/row'
import { NotS3AnswerError } from '../storage/classify-error'
import { createS3Client, describeCredentialSource, describeStore } from '../storage/s3-client'
import type { StorageConfig } from '../storage/types'
import type { ConnectionCheck, ConnectionReport } from './profile-types'
import type { ResolvedProfile } from './resolve-profile'

export type { ConnectionCheck, ConnectionReport }

export interface TestConnectionOptions {
  signal?: AbortSignal
  /** Write (and delete) a tiny object in each bucket; off: HeadBucket only. Default on. */
  probeWrites?: boolean
  livingdocs?: Partial<LivingdocsClientOptions>
  storage?: Partial<StorageConfig>
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))

type Scope = (typeof SCOPES)[keyof typeof SCOPES]

/** Why the importer needs each scope, for the message of a token that lacks it. */
const NEEDED_FOR: Record<Scope, string> = {
  [SCOPES.config]: 'to read the project configuration (media types, metadata, languages)',
  [SCOPES.read]: 'to look entries up, so that a re-run never imports a file twice',
  [SCOPES.write]: 'to import media',
}
const ALL_SCOPES = Object.values(SCOPES).join(', ')

function livingdocsFailure(err: unknown, scope: Scope, url: string): string {
  if (!(err instanceof LivingdocsApiError)) return `Unexpected failure: ${errorText(err)}`
  if (err.status === 401) {
    return `Livingdocs refused the token (401): it is wrong, expired or revoked. Create a new token under Project Admin → Api Clients and save it in this profile.`
  }
  if (err.status === 403) {
    return `The token lacks the scope ${scope}, which the importer needs ${NEEDED_FOR[scope]} (403). Give the API client that scope under Project Admin → Api Clients, or create a token with ${ALL_SCOPES}.`
  }
  if (err.kind === 'version') return err.message
  if (err.kind === 'network' || err.kind === 'timeout') return `Cannot reach ${url}: ${err.message}`
  return err.message
}

const isForbidden = (err: unknown): boolean => err instanceof LivingdocsApiError && err.status === 403

/**
 * One check per scope. A 403 answers for its own scope only, so the others are still tried and
 * the report lists every scope the token lacks; any other failure (401, a wrong URL or version)
 * leaves the rest unchecked.
 */
async function checkLivingdocs(profile: ResolvedProfile, options: TestConnectionOptions): Promise<ConnectionCheck[]> {
  const { url } = profile.livingdocs
  let client: LivingdocsClient
  try {
    client = new LivingdocsClient(livingdocsOptionsOf(profile, options.livingdocs))
  } catch (err) {
    return [{ id: 'livingdocs-read', label: `Livingdocs at ${url}`, ok: false, message: errorText(err) }]
  }
  const check = (id: string, what: string): ConnectionCheck => ({
    id,
    label: `Livingdocs at ${url}: ${what}`,
    ok: false,
    message: '',
  })
  const read = check('livingdocs-read', 'read')
  const lookup = check('livingdocs-lookup', 'look up')
  const write = check('livingdocs-write', 'import')
  try {
    const model = await client.getProjectModel(options.signal)
    const types = model.mediaTypes.map((t) => t.handle).join(', ') || 'none'
    read.ok = true
    read.message = `Read the project configuration (API ${client.apiVersion ?? profile.livingdocs.apiVersion}, ${SCOPES.config}): media types ${types}.`
  } catch (err) {
    read.message = livingdocsFailure(err, SCOPES.config, url)
    if (!isForbidden(err) || client.apiVersion === undefined) {
      const skipped = 'Not checked: the project configuration could not be read.'
      return [read, { ...lookup, message: skipped }, { ...write, message: skipped }]
    }
  }
  try {
    // An id no entry has: the answer is an empty list, and only the scope is tested.
    await client.getEntriesByIds([`connection-test-${randomUUID().slice(0, 8)}`], options.signal)
    lookup.ok = true
    lookup.message = `The token may look entries up (${SCOPES.read}).`
  } catch (err) {
    lookup.message = livingdocsFailure(err, SCOPES.read, url)
  }
  try {
    // An empty batch: the server checks the token's scope before the body, and creates nothing.
    await client.importSerialized([], options.signal)
    write.ok = true
  } catch (err) {
    // A 4xx about the empty body still means the token got past the scope check.
    write.ok = err instanceof LivingdocsApiError && err.status !== undefined && [400, 413, 422].includes(err.status)
    if (!write.ok) write.message = livingdocsFailure(err, SCOPES.write, url)
  }
  if (write.ok) write.message = `The token may import (${SCOPES.write}); the empty test import created nothing.`
  return [read, lookup, write]
}

interface S3Failure {
  name?: string
  Code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

function bucketFailure(err: unknown, step: string, bucket: string, config: StorageConfig): string {
  const e = err as S3Failure
  const status = e.$metadata?.httpStatusCode
  const name = e.name ?? e.Code ?? ''
  const who = describeCredentialSource(config.credentials)
  const store = describeStore(config)
  if (err instanceof NotS3AnswerError) {
    return `${store} ${err.message}. A Wi-Fi sign-in page or a proxy may be in the way, or the endpoint is not an S3 store: open any web page in a browser, or check the endpoint.`
  }
  if (name === 'NotFound' || name === 'NoSuchBucket' || status === 404) {
    return `Bucket "${bucket}" does not exist on ${store}. Check the bucket name (and the endpoint) in the profile.`
  }
  if (name === 'InvalidAccessKeyId') return `${store} does not know the access key of ${who}. Check the key id.`
  if (name === 'SignatureDoesNotMatch') return `${store} rejected the secret key of ${who}. Check the secret key.`
  if (status === 301 || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed') {
    return `Bucket "${bucket}" is in another region than ${config.region}. Set the bucket's region in the profile.`
  }
  if (status === 403 || name === 'AccessDenied' || name === 'Forbidden') {
    const permission = { head: 's3:ListBucket', put: 's3:PutObject', delete: 's3:DeleteObject' }[step] ?? step
    return `Access to bucket "${bucket}" was denied for ${who} (${step}: 403). The keys are wrong, or lack ${permission} on this bucket.`
  }
  if (/credential/i.test(name)) return `No usable credentials from ${who}: ${e.message ?? name}.`
  return `${step} on bucket "${bucket}" at ${store} failed: ${name || status || ''} ${e.message ?? ''}`.trim()
}

async function checkBucket(
  client: S3Client,
  config: StorageConfig,
  bucket: string,
  kinds: MediaKind[],
  options: TestConnectionOptions,
): Promise<ConnectionCheck> {
  const check: ConnectionCheck = {
    id: `bucket:${bucket}`,
    label: `Bucket "${bucket}" (${kinds.join(', ')})`,
    ok: false,
    message: '',
  }
  const signal = options.signal ? { abortSignal: options.signal } : {}
  let step = 'head'
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }), signal)
    if (options.probeWrites === false) {
      check.ok = true
      check.message = `Reachable with ${describeCredentialSource(config.credentials)} (writes not tried).`
      return check
    }
    const prefix = config.targets[kinds[0] ?? 'file'].prefix
    const key = `${prefix}.media-importer-connection-test/${randomUUID()}.txt`
    step = 'put'
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: 'Media Importer connection test',
        ContentType: 'text/plain',
      }),
      signal,
    )
    check.ok = true
    step = 'delete'
    try {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), signal)
      check.message = `Read, wrote and deleted a test object with ${describeCredentialSource(config.credentials)}.`
    } catch (err) {
      check.warning = true
      check.message = `Uploads work, but the test object ${key} could not be deleted: ${bucketFailure(err, step, bucket, config)} Delete it by hand.`
    }
  } catch (err) {
    check.message = bucketFailure(err, step, bucket, config)
  }
  return check
}

export async function testConnection(
  profile: ResolvedProfile,
  options: TestConnectionOptions = {},
): Promise<ConnectionReport> {
  const config = storageConfigOf(profile, options.storage)
  const byBucket = new Map<string, MediaKind[]>()
  for (const kind of ['image', 'video', 'file'] as const) {
    const bucket = config.targets[kind].bucket
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), kind])
  }
  const client = createS3Client(config)
  try {
    const [livingdocs, buckets] = await Promise.all([
      checkLivingdocs(profile, options),
      Promise.all([...byBucket].map(([bucket, kinds]) => checkBucket(client, config, bucket, kinds, options))),
    ])
    const checks = [...livingdocs, ...buckets]
    return { ok: checks.every((c) => c.ok), checks }
  } finally {
    client.destroy()
  }
}
