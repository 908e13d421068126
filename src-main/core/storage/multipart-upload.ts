/**
 * Our own multipart loop, because resuming at the next part needs the journal as the source of
 * truth (s3rver, like some other S3-compatible stores, has no ListParts/ListMultipartUploads).
 * Each part is streamed from disk and journaled, fsynced, as soon as the server acknowledged it.
 */
import { setMaxListeners } from 'node:events'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { assertUnchanged, partStream } from './file-source'
import { objectHeaders, sendWithRetries } from './job-context'
import { headObject, matches } from './verify-upload'
import type { JobContext } from './job-context'
import { choosePartSize, planParts } from './part-plan'
import type { PartRange } from './part-plan'
import type { FinishedPart, UploadState } from './types'
import { RequestFailed } from './with-retries'

export function isNoSuchUpload(err: unknown): boolean {
  const cause = err instanceof RequestFailed ? err.cause : err
  return (cause as { name?: string } | undefined)?.name === 'NoSuchUpload'
}

async function createUpload(ctx: JobContext, state: UploadState): Promise<UploadState> {
  const out = await sendWithRetries(ctx, () =>
    ctx.client.send(new CreateMultipartUploadCommand(objectHeaders(ctx, state)), { abortSignal: ctx.signal }),
  )
  if (!out.UploadId) throw new Error('The storage server started a multipart upload without an upload id.')
  const next: UploadState = {
    ...state,
    status: 'in-progress',
    multipart: { uploadId: out.UploadId, partSize: choosePartSize(state.source.size, ctx.minPartSize), parts: [] },
  }
  await ctx.store.save(next)
  return next
}

async function sendPart(
  ctx: JobContext,
  state: UploadState,
  range: PartRange,
  signal: AbortSignal,
): Promise<FinishedPart> {
  const uploadId = state.multipart?.uploadId as string
  let counted = 0
  const etag = await sendWithRetries(
    ctx,
    async () => {
      const body = partStream(ctx.input.path, range.start, range.end, (n) => {
        counted += n
        ctx.onBytes(n)
      })
      try {
        const out = await ctx.client.send(
          new UploadPartCommand({
            Bucket: state.bucket,
            Key: state.key,
            UploadId: uploadId,
            PartNumber: range.partNumber,
            ContentLength: range.end - range.start,
            Body: body,
          }),
          { abortSignal: signal },
        )
        if (!out.ETag) throw new Error(`Part ${range.partNumber} was stored without an ETag.`)
        return out.ETag
      } finally {
        body.destroy()
      }
    },
    () => {
      ctx.onBytes(-counted)
      counted = 0
    },
    signal,
  )
  return { partNumber: range.partNumber, etag, size: range.end - range.start }
}

/** Sends the missing parts, `partsInFlight` at a time; the first hard failure stops the others. */
async function sendMissingParts(ctx: JobContext, state: UploadState): Promise<void> {
  const multipart = state.multipart
  if (!multipart) throw new Error('No multipart upload to continue.')
  const done = new Set(multipart.parts.map((p) => p.partNumber))
  const todo = planParts(state.source.size, multipart.partSize).filter((p) => !done.has(p.partNumber))
  const siblings = new AbortController()
  const signal = AbortSignal.any([ctx.signal, siblings.signal])
  // Every part in flight listens for the abort (slot wait, request, backoff): many listeners by design.
  setMaxListeners(ctx.partsInFlight * 4 + 10, signal)
  let next = 0
  let firstError: unknown
  const worker = async (): Promise<void> => {
    while (next < todo.length && !signal.aborted) {
      const range = todo[next++] as PartRange
      try {
        const part = await sendPart(ctx, state, range, signal)
        await ctx.store.savePart(state.uploadKey, part)
        multipart.parts.push(part)
      } catch (err) {
        firstError ??= err
        siblings.abort(err)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(ctx.partsInFlight, todo.length) }, worker))
  if (ctx.signal.aborted) throw ctx.signal.reason
  if (firstError !== undefined) throw firstError
}

/**
 * Creates or continues the multipart upload and completes it. Returns the state as completed;
 * the caller verifies with HEAD. A stale upload id (the server forgot the upload) starts over once.
 */
export async function uploadMultipart(ctx: JobContext, initial: UploadState): Promise<UploadState> {
  let state = initial.multipart ? initial : await createUpload(ctx, initial)
  try {
    await sendMissingParts(ctx, state)
  } catch (err) {
    if (!isNoSuchUpload(err) || !initial.multipart) throw err
    ctx.onBytes(-initial.multipart.parts.reduce((sum, p) => sum + p.size, 0))
    state = await createUpload(ctx, { ...initial, multipart: undefined })
    await sendMissingParts(ctx, state)
  }
  // The parts were read over time: a file edited meanwhile must not be assembled from mixed versions.
  await assertUnchanged(ctx.input)
  const completing: UploadState = { ...state, status: 'completing' }
  await ctx.store.save(completing)
  const multipart = completing.multipart as NonNullable<UploadState['multipart']>
  const parts = [...multipart.parts].sort((a, b) => a.partNumber - b.partNumber)
  try {
    await sendWithRetries(ctx, () =>
      ctx.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: state.bucket,
          Key: state.key,
          UploadId: multipart.uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
        { abortSignal: ctx.signal },
      ),
    )
  } catch (err) {
    if (ctx.signal.aborted) throw err
    // The answer may be lost although the object was assembled (or an earlier run completed it).
    if (matches(await headObject(ctx, completing), completing)) return completing
    if (isNoSuchUpload(err)) await ctx.store.save({ ...completing, status: 'in-progress', multipart: undefined })
    throw err
  }
  return completing
}

/** Best effort: frees the parts on the server. Runs without the job's (aborted) signal. */
export async function abortMultipart(ctx: JobContext, state: UploadState): Promise<void> {
  if (!state.multipart) return
  const calm = { ...ctx, policy: { ...ctx.policy, maxAttempts: Math.min(3, ctx.policy.maxAttempts) } }
  await sendWithRetries(
    calm,
    () =>
      ctx.client.send(
        new AbortMultipartUploadCommand({ Bucket: state.bucket, Key: state.key, UploadId: state.multipart?.uploadId }),
      ),
    undefined,
    new AbortController().signal,
  ).catch(() => undefined)
}
