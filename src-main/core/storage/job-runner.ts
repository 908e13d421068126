/**
 * The job side of the engine: runs one file's upload under its own abort controller, turns the
 * outcome into the row event (uploaded, failed with an editor-facing message, or paused /
 * cancelled when the engine stopped it), and builds what a job needs (JobContext).
 */
import { basename } from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { classifyError } from './classify-error'
import type { FailureContext } from './classify-error'
import { EngineStop, hashId } from './engine-item'
import type { Item } from './engine-item'
import type { HashAhead } from './hash-ahead'
import type { JobContext } from './job-context'
import { buildObjectKey } from './object-key'
import type { Slots } from '../concurrency/slots'
import { describeCredentialSource, describeStore } from './s3-client'
import { bytesAlreadySent, discardUpload, runUploadJob } from './upload-job'
import type { RetryPolicy, StorageConfig, UploadEvent, UploadStateStore } from './types'
import { RequestFailed } from './with-retries'

export interface JobRunnerDeps {
  config: StorageConfig
  client: S3Client
  store: UploadStateStore
  slots: Slots
  policy: RetryPolicy
  hashes: HashAhead
  multipartThreshold: number
  minPartSize: number
  bufferLimit: number
  now: () => number
  newUuid: () => string
}

/** What the queue side hears back from a job. */
export interface JobHooks {
  emit(event: UploadEvent): void
  /** The item's bytes moved (progress). */
  progressed(item: Item): void
  /** The item left the active set as uploaded or failed: no more progress for it. */
  settled(item: Item): void
  paused(item: Item): void
  /** The job is over, whatever the outcome: a slot for the next file. */
  ended(item: Item): void
}

export const refOf = (item: Item): { rowId: string; locale?: string } => ({
  rowId: item.input.rowId,
  ...(item.input.locale ? { locale: item.input.locale } : {}),
})

export class JobRunner {
  constructor(
    private readonly deps: JobRunnerDeps,
    private readonly hooks: JobHooks,
  ) {}

  start(item: Item): void {
    item.status = 'active'
    const controller = new AbortController()
    item.controller = controller
    const ctx = this.context(item, controller)
    item.job = (async () => {
      const loaded = await this.deps.store.load(item.uploadKey)
      item.bytesSent = bytesAlreadySent(loaded)
      this.hooks.progressed(item)
      const uploaded = await runUploadJob(ctx, loaded)
      item.status = 'uploaded'
      item.bytesSent = item.bytesTotal
      this.hooks.settled(item)
      this.hooks.emit({ type: 'uploaded', ...refOf(item), ...uploaded })
    })()
      .catch((err: unknown) => this.settleFailure(item, controller, err))
      .finally(() => {
        this.deps.hashes.forget(hashId(item.input))
        this.hooks.ended(item)
      })
  }

  /** Removes what an upload left on the server (multipart parts or a partial object) and its journal entry. */
  async discard(item: Item | undefined, uploadKey: string): Promise<void> {
    const loaded = await this.deps.store.load(uploadKey)
    if (loaded && item) await discardUpload(this.context(item, new AbortController()), loaded)
    else if (loaded) await this.deps.store.delete(uploadKey)
  }

  private settleFailure(item: Item, controller: AbortController, err: unknown): void {
    const reason: unknown = controller.signal.reason
    if (reason instanceof EngineStop) {
      // A cancel finishes in the engine's cancel(); pause and close leave the journal for a later resume.
      if (reason.why === 'cancel') item.status = 'cancelled'
      else this.hooks.paused(item)
      return
    }
    const attempts = err instanceof RequestFailed ? err.attempts : 1
    const cause = err instanceof RequestFailed ? err.cause : err
    const { code, message, retryable } = classifyError(cause, this.failureContext(item, attempts))
    item.status = 'failed'
    item.failure = code
    this.hooks.settled(item)
    this.hooks.emit({ type: 'failed', ...refOf(item), code, message, retryable })
  }

  private context(item: Item, controller: AbortController): JobContext {
    const { input } = item
    const { config, now, newUuid, hashes } = this.deps
    const target = config.targets[input.kind]
    return {
      input,
      uploadKey: item.uploadKey,
      target,
      acl: input.kind === 'video' && config.videoPublicRead ? 'public-read' : undefined,
      client: this.deps.client,
      store: this.deps.store,
      slots: this.deps.slots,
      policy: this.deps.policy,
      signal: controller.signal,
      multipartThreshold: this.deps.multipartThreshold,
      bufferLimit: this.deps.bufferLimit,
      minPartSize: this.deps.minPartSize,
      partsInFlight: this.deps.slots.size,
      isTransient: (err) => classifyError(err, this.failureContext(item, 1)).transient,
      onBytes: (delta) => {
        item.bytesSent += delta
        if (item.status === 'active') this.hooks.progressed(item)
      },
      hashOf: () =>
        input.sha256 ? Promise.resolve(input.sha256) : hashes.get(hashId(input), input.path, controller.signal),
      newKey: () => buildObjectKey({ prefix: target.prefix, date: new Date(now()), uuid: newUuid(), ext: input.ext }),
    }
  }

  private failureContext(item: Item, attempts: number): FailureContext {
    const { config } = this.deps
    return {
      fileName: basename(item.input.path),
      bucket: config.targets[item.input.kind].bucket,
      credentialSource: describeCredentialSource(config.credentials),
      storeLabel: describeStore(config),
      attempts,
    }
  }
}
