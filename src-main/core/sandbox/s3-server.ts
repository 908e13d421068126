/**
 * The Sandbox's S3: s3rver running in this process, one bucket per asset kind, objects kept on
 * disk under `dataDir` so a restart finds them again.
 * s3rver checks only the access key id, never the signature (docs/reference/toolchain.md §4): a wrong key id is
 * the only auth failure it can produce.
 */
// The reference (not an import) pulls s3rver's ambient declaration into every program that
// compiles this file, including tsconfig.tests.json, which includes only test files.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import { mkdir } from 'node:fs/promises'
import { S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { PRIVATE_DIR_MODE } from '../fs/private-mode'
import type { MediaKind } from '../model/row'

export type SandboxBuckets = Record<MediaKind, string>

export const defaultSandboxBuckets: SandboxBuckets = {
  image: 'media-images',
  video: 'media-videos',
  file: 'media-files',
}

/** s3rver's built-in account; the only key pair it knows. */
const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/** Same rule as S3 (and s3rver): 'b' would fail only at the first request, so fail at start. */
const bucketNamePattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

export interface S3SandboxOptions {
  dataDir: string
  host?: string
  port?: number
  buckets?: Partial<SandboxBuckets>
}

export interface RunningS3Sandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  buckets: SandboxBuckets
  close(): Promise<void>
}

export async function startS3Sandbox(options: S3SandboxOptions): Promise<RunningS3Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const buckets: SandboxBuckets = { ...defaultSandboxBuckets, ...options.buckets }
  for (const [kind, name] of Object.entries(buckets)) {
    if (!bucketNamePattern.test(name)) {
      throw new Error(`Sandbox ${kind} bucket "${name}" is not a valid S3 bucket name (3-63 of a-z 0-9 . -).`)
    }
  }
  await mkdir(options.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const server = new S3rver({
    address: host,
    port: options.port ?? 0,
    silent: true,
    directory: options.dataDir,
    // Off: a hostname in the Host header would otherwise be taken as a bucket name.
    vhostBuckets: false,
    // Existing buckets are kept with their objects; s3rver only creates what is missing.
    configureBuckets: [...new Set(Object.values(buckets))].map((name) => ({ name })),
  })
  const address = await server.run()
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closing: Promise<void> | undefined
  return {
    endpoint: `http://${urlHost}:${address.port}`,
    ...s3rverCredentials,
    buckets,
    close: () => (closing ??= server.close()),
  }
}

/** Public URL base of a bucket: path style, as the sandbox serves anonymous GETs. */
export function sandboxPublicUrl(sandbox: Pick<RunningS3Sandbox, 'endpoint'>, bucket: string): string {
  return `${sandbox.endpoint}/${bucket}`
}

/**
 * An S3 client for the sandbox. `WHEN_REQUIRED` is not optional: with the SDK default a stream
 * body is sent aws-chunked and s3rver stores the chunk framing as the object (docs/reference/toolchain.md §4).
 */
export function createSandboxS3Client(
  sandbox: Pick<RunningS3Sandbox, 'endpoint' | 'accessKeyId' | 'secretAccessKey'>,
): S3Client {
  return new S3Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: sandbox.accessKeyId, secretAccessKey: sandbox.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}
