/**
 * What an upload engine can be told (`upload-engine.ts`), and its defaults for the sizes that
 * decide one PUT or a multipart upload.
 */
import { randomUUID } from 'node:crypto'
import type { S3Client } from '@aws-sdk/client-s3'
import { Slots } from '../concurrency/slots'
import type { HashAhead } from './hash-ahead'
import type { JobRunnerDeps } from './job-runner'
import { checkPrefix } from './object-key'
import { resolveRetryPolicy } from './retry-policy'
import { createS3Client, DEFAULT_CONCURRENCY } from './s3-client'
import type { StorageConfig, UploadStateStore } from './types'
import { MemoryUploadStateStore } from './upload-state-store'

export interface UploadEngineOptions {
  store?: UploadStateStore
  client?: S3Client
  /** Wall clock for the date in object keys. */
  now?: () => number
  newUuid?: () => string
  progressIntervalMs?: number
  /** Files worked on at once; default twice the concurrency, so reading and journaling overlap requests. */
  maxActiveFiles?: number
  /**
   * Multipart-sized files start ahead of small ones (up to a quarter of the active files). Default
   * false: in arrival order, many small rows become ready to submit early, which is what editors
   * wait for; measured on the bench, neither order was faster beyond the machine's noise.
   */
  largeFilesFirst?: boolean
}

const MiB = 1024 * 1024
/**
 * Defaults. Up to 100 MiB a file goes in one PUT, as Uppy's S3 uploader does (rclone: 200 MiB):
 * a multipart upload costs the store a second pass over every byte when it joins the parts, and
 * one PUT is signed with the file's own sha256 where parts go with an unsigned payload. Above it,
 * a dropped Wi-Fi connection costs at most one 16 MiB part.
 */
export const DEFAULT_MULTIPART_THRESHOLD = 100 * MiB
export const DEFAULT_MIN_PART_SIZE = 16 * MiB
/** Single-PUT files up to this size are read into memory once (hash + body); bigger ones stream. */
export const BUFFER_LIMIT = 4 * MiB

/** The engine's settings from its config and options: what its jobs run with, and how many files at once. */
export function engineSettings(
  config: StorageConfig,
  options: UploadEngineOptions,
  hashes: HashAhead,
): { deps: JobRunnerDeps; maxActiveFiles: number; largeFilesFirst: boolean } {
  for (const target of Object.values(config.targets)) checkPrefix(target.prefix)
  const concurrency = config.concurrency ?? DEFAULT_CONCURRENCY
  const multipartThreshold = config.multipartThreshold ?? DEFAULT_MULTIPART_THRESHOLD
  const deps: JobRunnerDeps = {
    config,
    client: options.client ?? createS3Client(config),
    store: options.store ?? new MemoryUploadStateStore(),
    slots: new Slots(concurrency),
    policy: resolveRetryPolicy(config.retry),
    hashes,
    multipartThreshold,
    minPartSize: config.minPartSize ?? DEFAULT_MIN_PART_SIZE,
    bufferLimit: Math.min(BUFFER_LIMIT, multipartThreshold - 1),
    now: options.now ?? Date.now,
    newUuid: options.newUuid ?? randomUUID,
  }
  return {
    deps,
    maxActiveFiles: options.maxActiveFiles ?? concurrency * 2,
    largeFilesFirst: options.largeFilesFirst ?? false,
  }
}
