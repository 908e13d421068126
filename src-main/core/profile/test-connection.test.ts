/**
 * "Test connection" against the real Sandbox servers: a good profile passes every check, and each
 * kind of mistake gets the message that names it — the token (401), the missing scope (403 on
 * read-only), the API version, a missing bucket, an unknown key, a bucket that refuses writes.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestEmulator } from '../sandbox/emulator/testing'
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox'
import { startFaultProxy, type FaultProxy } from '../../test-support/fault-proxy'
import { resolveProfile, type ResolvedProfile } from './resolve-profile'
import { testConnection } from './test-connection'

let dir: string
let sandbox: RunningSandbox
let proxy: FaultProxy

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'test-connection-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox') })
  proxy = await startFaultProxy(sandbox.s3Endpoint)
})
afterAll(async () => {
  await proxy.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

function profile(
  change: (raw: RunningSandbox['profile']) => object = (raw) => raw,
  env = sandbox.env,
): ResolvedProfile {
  return resolveProfile(change(structuredClone(sandbox.profile)), env)
}
const byId = (report: Awaited<ReturnType<typeof testConnection>>, id: string) => report.checks.find((c) => c.id === id)

describe('testConnection', () => {
  it('passes a working profile: project read, import allowed, each bucket written and cleaned', async () => {
    const before = sandbox.emulator.entries().length
    const report = await testConnection(profile())
    expect(report.ok, JSON.stringify(report, null, 2)).toBe(true)
    expect(report.checks.map((c) => c.id)).toEqual([
      'livingdocs-read',
      'livingdocs-lookup',
      'livingdocs-write',
      ...Object.values(sandbox.s3.buckets).map((b) => `bucket:${b}`),
    ])
    expect(byId(report, 'livingdocs-read')?.message).toMatch(/media types image, video, file/)
    expect(sandbox.emulator.entries()).toHaveLength(before)
    // The test objects are gone again.
    const { ListObjectsV2Command, S3Client } = await import('@aws-sdk/client-s3')
    const s3 = new S3Client({
      endpoint: sandbox.s3Endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    for (const bucket of Object.values(sandbox.s3.buckets)) {
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: '.media-importer-connection-test/' }),
      )
      expect(listed.KeyCount ?? 0, bucket).toBe(0)
    }
    s3.destroy()
  })

  it('says the token was refused (401) and does not try to import', async () => {
    const report = await testConnection(
      profile(undefined, { ...sandbox.env, MEDIA_IMPORT_SANDBOX_TOKEN: 'expired-token-123' }),
    )
    expect(report.ok).toBe(false)
    expect(byId(report, 'livingdocs-read')?.message).toMatch(/refused the token \(401\).*expired or revoked/)
    expect(byId(report, 'livingdocs-write')?.message).toMatch(/Not checked/)
    expect(JSON.stringify(report)).not.toContain('expired-token-123')
  })

  it('names the missing write scope for a read-only token', async () => {
    const report = await testConnection(
      profile(undefined, { ...sandbox.env, MEDIA_IMPORT_SANDBOX_TOKEN: sandbox.emulator.readOnlyToken }),
    )
    expect(byId(report, 'livingdocs-read')?.ok).toBe(true)
    expect(byId(report, 'livingdocs-write')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/lacks the scope public-api:write/) as string,
    })
  })

  it('checks each of the three scopes and names every one the token lacks', async () => {
    const em = await startTestEmulator({
      extraTokens: [
        { token: 'no-config-token', scopes: ['public-api:read', 'public-api:write'] },
        { token: 'config-only-token', scopes: ['public-api:config:read'] },
      ],
    })
    try {
      const at = (token: string) =>
        testConnection(
          profile((raw) => ({ ...raw, livingdocs: { ...raw.livingdocs, url: em.url, apiVersion: 'auto' } }), {
            ...sandbox.env,
            MEDIA_IMPORT_SANDBOX_TOKEN: token,
          }),
          { probeWrites: false },
        )
      const noConfig = await at('no-config-token')
      expect(byId(noConfig, 'livingdocs-read')).toMatchObject({
        ok: false,
        message: expect.stringMatching(/lacks the scope public-api:config:read, .*project configuration/) as string,
      })
      expect(byId(noConfig, 'livingdocs-lookup')?.ok).toBe(true)
      expect(byId(noConfig, 'livingdocs-write')?.ok).toBe(true)

      const configOnly = await at('config-only-token')
      expect(byId(configOnly, 'livingdocs-read')?.ok).toBe(true)
      expect(byId(configOnly, 'livingdocs-lookup')?.message).toMatch(/lacks the scope public-api:read,/)
      expect(byId(configOnly, 'livingdocs-write')?.message).toMatch(/lacks the scope public-api:write,/)
    } finally {
      await em.dispose()
    }
  })

  it('names an API version the server does not offer', async () => {
    const report = await testConnection(
      profile((raw) => ({ ...raw, livingdocs: { ...raw.livingdocs, apiVersion: '2019-01' } })),
    )
    expect(byId(report, 'livingdocs-read')?.message).toMatch(/2019-01/)
  })

  it('names a missing bucket, an unknown key and a bucket that refuses writes, with the credentials used', async () => {
    const missing = await testConnection(
      profile((raw) => ({
        ...raw,
        storage: { ...raw.storage, video: { ...raw.storage.video, bucket: 'no-such-bucket' } },
      })),
    )
    expect(byId(missing, 'bucket:no-such-bucket')?.message).toMatch(
      /Bucket "no-such-bucket" does not exist on http:\/\/127\.0\.0\.1/,
    )
    expect(byId(missing, `bucket:${sandbox.s3.buckets.image}`)?.ok).toBe(true)

    const unknownKey = await testConnection(
      profile(undefined, { ...sandbox.env, MEDIA_IMPORT_SANDBOX_S3_KEY_ID: 'NOT-A-KEY' }),
    )
    const denied = byId(unknownKey, `bucket:${sandbox.s3.buckets.image}`)
    expect(denied?.ok).toBe(false)
    expect(denied?.message).toMatch(/the S3 keys of profile "Sandbox"/)

    proxy.setRule((r) => (r.method === 'PUT' ? { type: 'status', status: 403, code: 'AccessDenied' } : undefined))
    const readOnlyBucket = await testConnection(
      profile((raw) => ({ ...raw, storage: { ...raw.storage, endpoint: proxy.endpoint } })),
    )
    proxy.setRule(undefined)
    expect(byId(readOnlyBucket, `bucket:${sandbox.s3.buckets.file}`)?.message).toMatch(
      /denied for the S3 keys of profile "Sandbox" \(put: 403\).*s3:PutObject/,
    )
  })

  it('says so when a web page answers instead of S3 (a Wi-Fi sign-in page), not that access was denied', async () => {
    proxy.setRule(() => ({ type: 'answer', status: 403, contentType: 'text/html', body: '<html>Sign in</html>' }))
    const portal = await testConnection(
      profile((raw) => ({ ...raw, storage: { ...raw.storage, endpoint: proxy.endpoint } })),
    )
    proxy.setRule(undefined)
    const check = byId(portal, `bucket:${sandbox.s3.buckets.image}`)
    expect(check?.ok).toBe(false)
    expect(check?.message).toMatch(/answered with a web page \(HTTP 403, text\/html\) instead of S3\. A Wi-Fi sign-in/)
  })
})
