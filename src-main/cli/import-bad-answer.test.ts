/**
 * A server answer of the wrong shape stops `media-import import` before anything is uploaded:
 * the project config comes back as nested arrays (issue #15: it used to be accepted and the run
 * failed later with a generic error). The message names the endpoint, the status and the problem.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startImportTestEnv, type ImportTestEnv } from './import-test-env'

let env: ImportTestEnv
beforeAll(async () => {
  env = await startImportTestEnv('cli-bad-answer')
})
afterAll(() => env.close())

describe('media-import import with a project config of the wrong shape', () => {
  it('fails naming endpoint, status and problem, and uploads nothing', { timeout: 60_000 }, async () => {
    const { sandbox } = env
    sandbox.emulator.faults.push({ method: 'GET', path: '/projectConfig', answerBody: '[[[[]]]]' })
    const result = await env.cli([env.media.root, '--profile', sandbox.profilePath, '--session', join(env.dir, 's1')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /answer to GET \/api\/\d{4}-\d{2}\/projectConfig \(200\) cannot be used: expected the project config object, received an array/,
    )
    expect(sandbox.emulator.requests.count('POST import/mediaLibrary')).toBe(0)
    const s3 = new S3Client({
      endpoint: sandbox.s3Endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: sandbox.s3.accessKeyId, secretAccessKey: sandbox.s3.secretAccessKey },
    })
    try {
      for (const bucket of Object.values(sandbox.s3.buckets)) {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }))
        expect(listed.KeyCount ?? 0, bucket).toBe(0)
      }
    } finally {
      s3.destroy()
    }
  })
})
