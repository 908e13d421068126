import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ResolvedProfile } from '../profile/resolve-profile'
import { loadProfile } from '../profile/load-profile'
import type { RunningSandbox } from './start-sandbox'
import { sandboxEnvNames, startSandbox } from './start-sandbox'

/** A client built only from the written profile, as the importer will build it. */
function clientFromProfile(profile: ResolvedProfile): S3Client {
  const { credentials, endpoint, region, forcePathStyle } = profile.storage
  if (credentials.source !== 'keys') throw new Error('the sandbox profile names its keys')
  return new S3Client({
    endpoint,
    region,
    forcePathStyle,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

const api = (profile: ResolvedProfile, path: string): string =>
  `${profile.livingdocs.url}/api/${profile.livingdocs.apiVersion}/${path}`

describe('startSandbox', () => {
  let dataDir: string
  const running: RunningSandbox[] = []
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-'))
  })
  afterEach(async () => {
    for (const sandbox of running.splice(0)) await sandbox.close()
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  async function start(): Promise<RunningSandbox> {
    const sandbox = await startSandbox({ dataDir })
    running.push(sandbox)
    return sandbox
  }

  it('writes a valid profile whose secrets are the env it returns, and both servers answer it', async () => {
    const sandbox = await start()
    expect(sandbox.profilePath).toBe(join(dataDir, 'sandbox-profile.json'))
    expect(JSON.parse(await readFile(sandbox.profilePath, 'utf8'))).toEqual(sandbox.profile)
    expect(Object.keys(sandbox.env).sort()).toEqual(Object.values(sandboxEnvNames).sort())
    expect(sandbox.livingdocsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.s3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const profile = await loadProfile(sandbox.profilePath, sandbox.env)
    expect(profile.name).toBe('Sandbox')
    expect(profile.livingdocs.token).toBe(sandbox.emulator.token)

    const s3 = clientFromProfile(profile)
    await s3.send(new PutObjectCommand({ Bucket: profile.storage.image.bucket, Key: 'x/y.txt', Body: 'bytes' }))
    const got = await s3.send(new GetObjectCommand({ Bucket: profile.storage.image.bucket, Key: 'x/y.txt' }))
    expect(await got.Body!.transformToString()).toBe('bytes')
    s3.destroy()
    const publicGet = await fetch(`${profile.storage.image.publicUrl}/x/y.txt`)
    expect(await publicGet.text()).toBe('bytes')

    const config = await fetch(api(profile, 'projectConfig'), {
      headers: { authorization: `Bearer ${profile.livingdocs.token}` },
    })
    expect(config.status).toBe(200)
    const body = (await config.json()) as { mediaTypes: { handle: string }[] }
    expect(body.mediaTypes.map((m) => m.handle)).toEqual(['image', 'video', 'file'])
    const denied = await fetch(api(profile, 'projectConfig'), { headers: { authorization: 'Bearer wrong' } })
    expect(denied.status).toBe(401)
  })

  it('keeps entries and objects across restarts, with a new token', async () => {
    const first = await start()
    const profile = await loadProfile(first.profilePath, first.env)
    const s3 = clientFromProfile(profile)
    await s3.send(new PutObjectCommand({ Bucket: profile.storage.file.bucket, Key: 'doc.pdf', Body: '%PDF-1.4' }))
    s3.destroy()
    const imported = await fetch(api(profile, 'import/mediaLibrary'), {
      method: 'POST',
      headers: { authorization: `Bearer ${profile.livingdocs.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        mediaLibraryEntries: [
          {
            id: 'restart-1',
            mediaType: 'file',
            asset: {
              key: 'doc.pdf',
              url: `${profile.storage.file.publicUrl}/doc.pdf`,
              size: 8,
              mimeType: 'application/pdf',
              filename: 'doc.pdf',
            },
            metadata: { title: 'Kept' },
          },
        ],
      }),
    })
    expect(imported.status).toBe(200)
    expect(first.emulator.entries().map((e) => e.id)).toEqual(['restart-1'])
    await first.close()

    const second = await start()
    expect(second.env[sandboxEnvNames.token]).not.toBe(first.env[sandboxEnvNames.token])
    expect(second.emulator.entries().map((e) => e.id)).toEqual(['restart-1'])
    const again = await loadProfile(second.profilePath, second.env)
    const s3again = clientFromProfile(again)
    const got = await s3again.send(new GetObjectCommand({ Bucket: again.storage.file.bucket, Key: 'doc.pdf' }))
    expect(await got.Body!.transformToString()).toBe('%PDF-1.4')
    s3again.destroy()
  })

  it('closes both servers: nothing answers afterwards', async () => {
    const sandbox = await start()
    await sandbox.close()
    await sandbox.close()
    await expect(fetch(`${sandbox.livingdocsUrl}/api/2026-07/projectConfig`)).rejects.toThrow()
    await expect(fetch(`${sandbox.s3Endpoint}/media-images`)).rejects.toThrow()
  })
})
