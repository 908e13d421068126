/**
 * One file as the engine tracks it between enqueue and its end (uploaded, failed, cancelled),
 * shared by the queue side (upload-engine.ts) and the job side (job-runner.ts).
 */
import type { ProgressSubject } from './progress-reporter'
import type { UploadErrorCode, UploadInput } from './types'

export type ItemStatus = 'queued' | 'active' | 'paused' | 'uploaded' | 'failed' | 'cancelled'

export interface Item extends ProgressSubject {
  input: UploadInput
  status: ItemStatus
  /** Started from the large lane (counts against the cap of large files in progress). */
  large?: boolean
  controller?: AbortController
  job?: Promise<void>
  /** Why its last attempt failed, for Retry to act on (see UploadEngine.retry). */
  failure?: UploadErrorCode
}

/** Why the engine aborted a job itself (as opposed to a failure). */
export class EngineStop extends Error {
  override readonly name = 'AbortError'
  constructor(readonly why: 'pause' | 'cancel' | 'close') {
    super(`Upload ${why}d.`)
  }
}

/** Changes whenever the file does, so a hash computed ahead is never used for another version. */
export const hashId = (input: UploadInput): string => `${input.path}|${input.size}|${input.mtimeMs}`

/** Can go (again) through retry: it ended without reaching the server. */
export const isRetryable = (item: Item | undefined): boolean =>
  item?.status === 'failed' || item?.status === 'cancelled'
