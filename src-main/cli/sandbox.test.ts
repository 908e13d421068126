import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProfile } from '../core/profile/load-profile'
import type { ResolvedProfile } from '../core/profile/resolve-profile'
import { childEnv, spawnCli, waitForExit, waitForOutput } from './spawn-cli'

interface Printed {
  profilePath: string
  env: Record<string, string>
  livingdocsUrl: string
}

/** Reads what `media-import sandbox` printed, as a user would copy it. */
function parsePrinted(stdout: string): Printed {
  const profilePath = /^Profile: (.+)$/m.exec(stdout)?.[1]
  const livingdocsUrl = /^Livingdocs emulator: (\S+)/m.exec(stdout)?.[1]
  const env = Object.fromEntries(
    [...stdout.matchAll(/^export ([A-Z0-9_]+)='([^']*)'$/gm)].map((m) => [m[1] as string, m[2] as string]),
  )
  if (!profilePath || !livingdocsUrl) throw new Error(`unexpected sandbox output:\n${stdout}`)
  return { profilePath, env, livingdocsUrl }
}

function s3ClientFor(profile: ResolvedProfile): S3Client {
  const { credentials } = profile.storage
  if (credentials.source !== 'keys') throw new Error('sandbox profile must name its keys')
  return new S3Client({
    endpoint: profile.storage.endpoint,
    region: profile.storage.region,
    forcePathStyle: profile.storage.forcePathStyle,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

describe('media-import sandbox (spawned bin)', () => {
  let home: string
  const children: ChildProcessWithoutNullStreams[] = []

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'cli-sandbox-'))
  })
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await rm(home, { recursive: true, force: true })
  })

  async function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; printed: Printed }> {
    const child = spawnCli(args, childEnv({ HOME: home, XDG_DATA_HOME: undefined }))
    children.push(child)
    const stdout = await waitForOutput(child, /Press Ctrl\+C to stop\./)
    return { child, printed: parsePrinted(stdout) }
  }

  it('serves both servers from the printed profile, stops on SIGTERM, and keeps data for the next run', async () => {
    // No --data: the default folder under HOME.
    const first = await startCli(['sandbox'])
    const defaultDir = join(home, '.media-importer', 'sandbox')
    expect(first.printed.profilePath).toBe(join(defaultDir, 'sandbox-profile.json'))
    expect(Object.keys(first.printed.env).sort()).toEqual([
      'MEDIA_IMPORT_SANDBOX_S3_KEY_ID',
      'MEDIA_IMPORT_SANDBOX_S3_SECRET',
      'MEDIA_IMPORT_SANDBOX_TOKEN',
    ])

    const profile = await loadProfile(first.printed.profilePath, first.printed.env)
    expect(profile.livingdocs.url).toBe(first.printed.livingdocsUrl)
    const s3 = s3ClientFor(profile)
    const buckets = await s3.send(new ListBucketsCommand({}))
    expect(buckets.Buckets?.map((b) => b.Name).sort()).toEqual(['media-files', 'media-images', 'media-videos'])
    await s3.send(new PutObjectCommand({ Bucket: profile.storage.image.bucket, Key: 'kept.txt', Body: 'still here' }))
    const got = await s3.send(new GetObjectCommand({ Bucket: profile.storage.image.bucket, Key: 'kept.txt' }))
    expect(await got.Body!.transformToString()).toBe('still here')
    s3.destroy()

    const configUrl = `${profile.livingdocs.url}/api/${profile.livingdocs.apiVersion}/projectConfig`
    const config = await fetch(configUrl, { headers: { authorization: `Bearer ${profile.livingdocs.token}` } })
    expect(config.status).toBe(200)
    expect(((await config.json()) as { mediaTypes: unknown[] }).mediaTypes.length).toBeGreaterThan(0)
    expect((await fetch(configUrl)).status).toBe(401)

    const exited = waitForExit(first.child)
    first.child.kill('SIGTERM')
    const { code, stderr } = await exited
    expect(code).toBe(0)
    expect(stderr).toMatch(/Sandbox stopped/)
    await expect(fetch(configUrl)).rejects.toThrow()

    // Second run on the same folder: the object is still there, under a new token.
    const second = await startCli(['sandbox', '--data', defaultDir])
    expect(second.printed.env.MEDIA_IMPORT_SANDBOX_TOKEN).not.toBe(first.printed.env.MEDIA_IMPORT_SANDBOX_TOKEN)
    const again = await loadProfile(second.printed.profilePath, second.printed.env)
    const s3again = s3ClientFor(again)
    const kept = await s3again.send(new GetObjectCommand({ Bucket: again.storage.image.bucket, Key: 'kept.txt' }))
    expect(await kept.Body!.transformToString()).toBe('still here')
    s3again.destroy()

    const exitedAgain = waitForExit(second.child)
    second.child.kill('SIGINT')
    expect((await exitedAgain).code).toBe(0)
  })
})
