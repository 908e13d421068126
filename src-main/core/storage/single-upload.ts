/**
 * Files below the multipart threshold: read once (hash and body from the same bytes), one PUT.
 * The key is journaled before the PUT, so after a crash the same key is used again and a PUT
 * that did land is recognised by HEAD instead of being sent twice.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import type { PutObjectCommandInput } from '@aws-sdk/client-s3'
import { SourceChangedError } from './classify-error'
import { readWholeFile } from './file-source'
import { objectHeaders, sendWithRetries } from './job-context'
import type { JobContext } from './job-context'
import type { UploadState } from './types'

/** SigV4 signs the payload's sha256; we already have it, so the SDK need not hash the body again. */
function putCommand(input: PutObjectCommandInput, sha256: string): PutObjectCommand {
  const command = new PutObjectCommand(input)
  command.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers?: Record<string, string> }
      if (request.headers) request.headers['x-amz-content-sha256'] = sha256
      return next(args)
    },
    { step: 'build', name: 'presetPayloadSha256' },
  )
  return command
}

/** Sends the file; returns when the PUT succeeded (verification is the caller's next step). */
export async function putSingle(ctx: JobContext, state: UploadState, fresh: boolean): Promise<UploadState> {
  const { body, sha256 } = await readWholeFile(ctx.input)
  if (ctx.input.sha256 && ctx.input.sha256 !== sha256) throw new SourceChangedError('content differs from the scan')
  if (!fresh && state.sha256 !== sha256) throw new SourceChangedError('content differs from the interrupted upload')
  const next: UploadState = { ...state, sha256 }
  if (fresh) await ctx.store.save(next)
  let counted = 0
  await sendWithRetries(
    ctx,
    async () => {
      await ctx.client.send(
        putCommand({ ...objectHeaders(ctx, next), Body: body, ContentLength: body.length }, sha256),
        { abortSignal: ctx.signal },
      )
      counted = body.length
      ctx.onBytes(body.length)
    },
    () => {
      ctx.onBytes(-counted)
      counted = 0
    },
  )
  return next
}
