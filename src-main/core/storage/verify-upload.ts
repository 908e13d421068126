/**
 * HEAD after upload: the object is only "uploaded" once the server reports the right size (and
 * the sha256 we stored with it). Also used to reconcile after a crash or a lost Complete answer:
 * if the object is already there and right, nothing is sent again.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { VerifyFailedError } from './classify-error'
import { sendWithRetries } from './job-context'
import type { JobContext } from './job-context'
import type { UploadState } from './types'

export interface HeadResult {
  size: number
  etag: string
  sha256: string | undefined
}

/** undefined when there is no such object. */
export async function headObject(ctx: JobContext, state: UploadState): Promise<HeadResult | undefined> {
  try {
    const out = await sendWithRetries(ctx, () =>
      ctx.client.send(new HeadObjectCommand({ Bucket: state.bucket, Key: state.key }), { abortSignal: ctx.signal }),
    )
    return { size: out.ContentLength ?? -1, etag: out.ETag ?? '', sha256: out.Metadata?.['sha256'] }
  } catch (err) {
    const cause = (err as { cause?: { name?: string; $metadata?: { httpStatusCode?: number } } }).cause
    if (cause?.name === 'NotFound' || cause?.$metadata?.httpStatusCode === 404) return undefined
    throw err
  }
}

export function matches(head: HeadResult | undefined, state: UploadState): head is HeadResult {
  return !!head && head.size === state.source.size && (head.sha256 === undefined || head.sha256 === state.sha256)
}

/** Returns the object's ETag, or throws VerifyFailedError naming what differs. */
export async function confirmObject(ctx: JobContext, state: UploadState): Promise<string> {
  const head = await headObject(ctx, state)
  if (!head) throw new VerifyFailedError(`object ${state.key} is missing after upload`)
  if (head.size !== state.source.size) {
    throw new VerifyFailedError(`${head.size} bytes stored instead of ${state.source.size}`)
  }
  if (head.sha256 !== state.sha256) throw new VerifyFailedError(`stored sha256 ${head.sha256 ?? 'missing'} differs`)
  return head.etag
}
