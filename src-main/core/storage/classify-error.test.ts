import { describe, expect, it } from 'vitest'
import {
  classifyError,
  JournalWriteError,
  NotS3AnswerError,
  SourceChangedError,
  VerifyFailedError,
} from './classify-error'
import type { FailureContext } from './classify-error'

const ctx: FailureContext = {
  fileName: 'clip.mp4',
  bucket: 'media-videos',
  credentialSource: 'the AWS profile "news"',
  storeLabel: 'http://127.0.0.1:9000',
  attempts: 8,
}
const errno = (code: string): Error => Object.assign(new Error(`${code}: boom`), { code })
const s3 = (name: string, status: number): Error =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, $fault: 'client' })

describe('classifyError', () => {
  it('retries what may pass: 5xx, SlowDown, resets, timeouts', () => {
    for (const err of [
      s3('SlowDown', 503),
      s3('InternalError', 500),
      errno('ECONNRESET'),
      errno('EPIPE'),
      Object.assign(new Error('t'), { name: 'TimeoutError' }),
    ]) {
      expect(classifyError(err, ctx).transient, String(err)).toBe(true)
    }
  })

  it('does not retry at once what will not pass by itself', () => {
    for (const err of [
      s3('AccessDenied', 403),
      s3('NoSuchBucket', 404),
      errno('ENOENT'),
      errno('EACCES'),
      new SourceChangedError('x'),
      s3('XAmzContentSHA256Mismatch', 400),
      // A sign-in page stays until someone signs in.
      new NotS3AnswerError(200, 'text/html'),
    ]) {
      expect(classifyError(err, ctx).transient, String(err)).toBe(false)
    }
  })

  it("bytes the store found to differ from the probe's hash: the file changed, though its size and date did not", () => {
    expect(classifyError(s3('XAmzContentSHA256Mismatch', 400), ctx)).toMatchObject({
      code: 'source-changed',
      retryable: true,
      message: expect.stringMatching(/"clip\.mp4" changed since it was scanned.*XAmzContentSHA256Mismatch.*Retry/),
    })
  })

  it('read errors name the file and the system code', () => {
    expect(classifyError(errno('EIO'), ctx)).toMatchObject({
      code: 'read-error',
      retryable: true,
      message: '"clip.mp4" could not be read (EIO). Check the disk and the file\'s permissions, then retry.',
    })
    expect(classifyError(errno('EACCES'), ctx).code).toBe('read-error')
  })

  it('a journal that cannot be written names the journal and what to do, and is not retried at once', () => {
    const journal = '/home/ed/.config/media-importer/sessions/s1/uploads.ndjson'
    const full = classifyError(new JournalWriteError(journal, errno('ENOSPC')), ctx)
    expect(full).toMatchObject({ code: 'journal-write', transient: false, retryable: true })
    expect(full.message).toContain(`"clip.mp4" was stopped: its progress could not be saved in ${journal}`)
    expect(full.message).toMatch(/disk is full \(ENOSPC\)\. Free some space there, then retry/)
    const quota = classifyError(new JournalWriteError(journal, errno('EDQUOT')), ctx)
    expect(quota.message).toMatch(/disk is full \(EDQUOT\)/)
    const readOnly = classifyError(new JournalWriteError(journal, errno('EROFS')), ctx)
    expect(readOnly.message).toMatch(/read-only \(EROFS\)\. Make it writable, then retry/)
    // EACCES here is the journal's, not the source file's: it must not read as "could not be read".
    const denied = classifyError(new JournalWriteError(journal, errno('EACCES')), ctx)
    expect(denied).toMatchObject({ code: 'journal-write' })
    expect(denied.message).toMatch(/because of EACCES\. Check that disk, then retry/)
  })

  it('access denied names the credential source and bucket, never a key', () => {
    const c = classifyError(s3('SignatureDoesNotMatch', 403), ctx)
    expect(c).toMatchObject({ code: 'access-denied', retryable: true })
    expect(c.message).toBe(
      'Access to bucket "media-videos" was denied for the AWS profile "news" (SignatureDoesNotMatch). Check the keys and the bucket policy, then retry.',
    )
    const missing = classifyError(
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      ctx,
    )
    expect(missing.code).toBe('access-denied')
    expect(missing.message).toMatch(/No usable credentials from the AWS profile "news"/)
  })

  it('server trouble after all attempts says how hard we tried and that parts are kept', () => {
    expect(classifyError(s3('SlowDown', 503), ctx).message).toBe(
      'The storage server kept refusing "clip.mp4" (SlowDown) after 8 attempts. Retry later; finished parts are kept.',
    )
  })

  it('verification and configuration problems', () => {
    expect(classifyError(new VerifyFailedError('10 bytes stored instead of 12'), ctx).code).toBe('verify-failed')
    expect(classifyError(s3('InvalidBucketName', 400), ctx)).toMatchObject({ code: 'config', retryable: false })
    expect(classifyError(s3('EntityTooLarge', 400), ctx)).toMatchObject({ code: 'too-large', retryable: false })
    expect(classifyError(new RangeError("File exceeds S3's 5 TiB object limit."), ctx)).toMatchObject({
      code: 'too-large',
      transient: false,
    })
  })

  it('an abort is not a failure', () => {
    const c = classifyError(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx)
    expect(c.aborted).toBe(true)
    expect(c.transient).toBe(false)
  })

  it('a programming error is not mistaken for the network', () => {
    expect(classifyError(new TypeError('x is undefined'), ctx)).toMatchObject({ code: 'unknown', transient: false })
  })
})
