/**
 * One file's whole upload: decide between "already uploaded", "continue" and "start", send it,
 * confirm it with HEAD and journal it as uploaded. Throws on failure; the engine classifies.
 */
import { DeleteObjectCommand } from '@aws-sdk/client-s3'
import { assertUnchanged } from './file-source'
import { sendWithRetries } from './job-context'
import type { JobContext } from './job-context'
import { abortMultipart, uploadMultipart } from './multipart-upload'
import { publicUrlFor } from './object-key'
import { usesMultipart } from './part-plan'
import { putSingle } from './single-upload'
import type { UploadedObject, UploadState } from './types'
import { confirmObject, headObject, matches } from './verify-upload'

function sameSource(state: UploadState, ctx: JobContext): boolean {
  const { path, size, mtimeMs } = ctx.input
  return (
    state.source.path === path &&
    state.source.size === size &&
    Math.abs(state.source.mtimeMs - mtimeMs) < 1 &&
    state.bucket === ctx.target.bucket &&
    (!ctx.input.sha256 || ctx.input.sha256 === state.sha256)
  )
}

function toUploaded(state: UploadState, etag: string): UploadedObject {
  return { bucket: state.bucket, key: state.key, url: state.url, size: state.source.size, etag, sha256: state.sha256 }
}

export function bytesAlreadySent(state: UploadState | undefined): number {
  if (!state) return 0
  if (state.status === 'uploaded') return state.source.size
  return state.multipart?.parts.reduce((sum, p) => sum + p.size, 0) ?? 0
}

function freshState(ctx: JobContext, sha256: string): UploadState {
  const key = ctx.newKey()
  const { rowId, locale, path, size, mtimeMs } = ctx.input
  return {
    uploadKey: ctx.uploadKey,
    rowId,
    ...(locale ? { locale } : {}),
    source: { path, size, mtimeMs },
    sha256,
    bucket: ctx.target.bucket,
    key,
    url: publicUrlFor(ctx.target, key),
    status: 'in-progress',
  }
}

/** Removes what an abandoned upload left on the server and in the journal. */
export async function discardUpload(ctx: JobContext, state: UploadState): Promise<void> {
  if (state.status === 'uploaded') return
  if (state.multipart) await abortMultipart(ctx, state)
  else {
    // A single PUT may have landed just before the cancel; the key is ours alone, so delete it.
    await sendWithRetries(
      ctx,
      () => ctx.client.send(new DeleteObjectCommand({ Bucket: state.bucket, Key: state.key })),
      undefined,
      new AbortController().signal,
    ).catch(() => undefined)
  }
  await ctx.store.delete(state.uploadKey)
}

export async function runUploadJob(ctx: JobContext, loaded: UploadState | undefined): Promise<UploadedObject> {
  let state = loaded
  if (state && !sameSource(state, ctx)) {
    // A different version of the file (or another bucket) than the journal knows: start over.
    await discardUpload(ctx, state)
    state = undefined
  }
  if (state?.status === 'uploaded' && state.etag !== undefined) return toUploaded(state, state.etag)

  await assertUnchanged(ctx.input)
  // A multipart upload the journal holds goes on at its next part, even if the threshold has
  // since been raised above this file's size (an update, a profile change).
  const multipart = state?.multipart !== undefined || usesMultipart(ctx.input.size, ctx.multipartThreshold)

  if (state && (state.status === 'completing' || !multipart)) {
    // An earlier run may have finished on the server without living to journal it.
    if (matches(await headObject(ctx, state), state)) return finish(ctx, state)
  }
  if (!multipart) {
    state = await putSingle(ctx, state ?? freshState(ctx, ''), !state)
  } else {
    if (!state) {
      const sha256 = await ctx.hashOf()
      await assertUnchanged(ctx.input)
      state = freshState(ctx, sha256)
    }
    state = await uploadMultipart(ctx, state)
  }
  return finish(ctx, state)
}

async function finish(ctx: JobContext, state: UploadState): Promise<UploadedObject> {
  const etag = await confirmObject(ctx, state)
  const uploaded: UploadState = { ...state, status: 'uploaded', etag, multipart: undefined }
  await ctx.store.save(uploaded)
  return toUploaded(uploaded, etag)
}
