/**
 * Files below the multipart threshold go in one PUT. Small ones are read once (hash, unless the
 * probe's is given, and body from the same bytes); larger ones are streamed from disk after their
 * hash is known, so memory stays bounded whatever the photo size. The key is journaled before the
 * PUT, so after a crash the same key is used again and a PUT that did land is recognised by HEAD
 * instead of being sent twice.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3'
import type { PutObjectCommandInput } from '@aws-sdk/client-s3'
import { assertUnchanged, partStream, readWholeFile } from './file-source'
import type { FileRangeStream } from './file-source'
import { objectHeaders, sendWithRetries } from './job-context'
import type { JobContext } from './job-context'
import type { UploadState } from './types'

/**
 * SigV4 signs the payload's sha256; we already have it, so the SDK need not hash the body again,
 * and a streamed body is signed too (a store that checks it refuses bytes that changed since).
 */
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

/** Bytes handed to the network by the current attempt, so a failed attempt can take them back. */
class AttemptBytes {
  counted = 0
  constructor(private readonly ctx: JobContext) {}
  add(n: number): void {
    this.counted += n
    this.ctx.onBytes(n)
  }
  takeBack(): void {
    this.ctx.onBytes(-this.counted)
    this.counted = 0
  }
}

interface Source {
  sha256: string
  /** A fresh body per attempt; `streamed` bodies report their bytes as they go. */
  body(bytes: AttemptBytes): { body: Buffer | FileRangeStream; streamed: boolean }
  /** After the PUT was answered: the read buffers go back to the pool. */
  recycle(): void
}

async function openSource(ctx: JobContext): Promise<Source> {
  const { input } = ctx
  if (input.size <= ctx.bufferLimit) {
    const { body, sha256, recycle } = await readWholeFile(input, input.sha256)
    return { sha256, body: () => ({ body, streamed: false }), recycle }
  }
  // The probe's hash when there is one (on a resume the journal's equals it: sameSource), else
  // hashed, ahead of time when it was queued.
  const sha256 = await ctx.hashOf()
  await assertUnchanged(input)
  return {
    sha256,
    body: (bytes) => ({ body: partStream(input.path, 0, input.size, (n) => bytes.add(n)), streamed: true }),
    recycle: () => undefined,
  }
}

/** Sends the file; returns when the PUT succeeded (verification is the caller's next step). */
export async function putSingle(ctx: JobContext, state: UploadState, fresh: boolean): Promise<UploadState> {
  const source = await openSource(ctx)
  // An interrupted PUT left nothing to continue (the caller's HEAD found no such object), so bytes
  // that differ from its hash (a Retry after the store refused the probe's) just go with theirs.
  const next: UploadState = { ...state, sha256: source.sha256 }
  if (fresh || next.sha256 !== state.sha256) await ctx.store.save(next)
  const bytes = new AttemptBytes(ctx)
  await sendWithRetries(
    ctx,
    async () => {
      const { body, streamed } = source.body(bytes)
      try {
        const input = { ...objectHeaders(ctx, next), Body: body, ContentLength: ctx.input.size }
        await ctx.client.send(putCommand(input, source.sha256), { abortSignal: ctx.signal })
      } finally {
        if (!Buffer.isBuffer(body)) body.destroy()
      }
      if (!streamed) bytes.add(ctx.input.size)
    },
    () => bytes.takeBack(),
  )
  source.recycle()
  return next
}
