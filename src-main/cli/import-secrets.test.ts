/**
 * Secrets stay where they belong: whole `media-import import` runs with a known token and known S3
 * keys — one that works (with an S3 access-denied, a lost import answer and a 503 along the way),
 * one with a read-only token (403 on submit), one with a token the server rejects (401) — then
 * every file written under the data folder (sessions, logs), the profiles and the exports (the
 * `--json` results) is searched for each secret in every spelling a leak takes. None may be found.
 * The search itself is proven able to fail: a planted leak in each folder is found.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMixedMedia, type MediaFile } from '../core/importer/testing/mixed-media'
import { MemorySecretStore, ProfileStore } from '../core/profile/profile-store'
import { DATE_VERSIONS, startEmulator, type RunningEmulator } from '../core/sandbox/emulator'
import { startS3Sandbox, type RunningS3Sandbox } from '../core/sandbox/s3-server'
import { sandboxProfile } from '../core/sandbox/start-sandbox'
import { startFaultProxy, type FaultProxy } from '../test-support/fault-proxy'
import { filesUnder, findSecrets } from '../test-support/secret-scan'
import { childEnv, runCliProcess, type CliResult } from './spawn-cli'

// Distinctive values, so a hit can only be a leak. The key id must be S3RVER (the only one s3rver
// knows); s3rver does not check the secret key, so a distinctive one works.
const TOKEN = 'ldTok_Q7xW2vR9-pLm4Zt8/Kc1+Hs6Ny3=Jd5'
const READ_ONLY_TOKEN = 'ldRO_b8Fk3Lq-9Vw2Xz7Pm4+Tr1Yc6/Gh0'
const REJECTED_TOKEN = 'ldOld_expired-Token-4Nq8Rv2Ws6Yx0Z'
const S3_KEY_ID = 'S3RVER'
const S3_SECRET = 'wJal/rXUtn+FEMI7K7MDENGbPx=RfiCYsecretKEY9'
const secrets = [TOKEN, READ_ONLY_TOKEN, REJECTED_TOKEN, S3_SECRET]

let dir: string
let emulator: RunningEmulator
let s3: RunningS3Sandbox
let proxy: FaultProxy
let media: { root: string; files: MediaFile[] }
const folders = { home: '', dataRoot: '', profiles: '', exports: '' }
let profilePath: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-secrets-'))
  folders.home = join(dir, 'home')
  folders.dataRoot = join(folders.home, '.media-importer')
  folders.profiles = join(dir, 'profiles')
  folders.exports = join(dir, 'exports')
  for (const folder of [folders.profiles, folders.exports]) await mkdir(folder, { recursive: true })
  s3 = await startS3Sandbox({ dataDir: join(dir, 'servers', 's3') })
  emulator = await startEmulator({
    dataDir: join(dir, 'servers', 'livingdocs'),
    token: TOKEN,
    readOnlyToken: READ_ONLY_TOKEN,
  })
  proxy = await startFaultProxy(s3.endpoint)
  const base = sandboxProfile(emulator, s3)
  const profile = {
    ...base,
    name: 'Staging',
    livingdocs: { url: emulator.url, apiVersion: DATE_VERSIONS.at(-1), tokenEnv: 'STAGING_LD_TOKEN' },
    storage: {
      ...base.storage,
      endpoint: proxy.endpoint,
      credentials: { accessKeyIdEnv: 'STAGING_S3_KEY_ID', secretAccessKeyEnv: 'STAGING_S3_SECRET' },
    },
  }
  profilePath = join(folders.profiles, 'staging.json')
  await writeFile(profilePath, JSON.stringify(profile, null, 2))
  // The same profile saved the app's way, its secrets handed to the secret store.
  const appProfiles = await ProfileStore.open(join(folders.profiles, 'profiles.json'), new MemorySecretStore())
  await appProfiles.save(profile, { token: TOKEN, accessKeyId: S3_KEY_ID, secretAccessKey: S3_SECRET })
  media = await makeMixedMedia(dir)
  await writeFile(
    join(dir, 'metadata.csv'),
    `relativePath,title,caption\n${media.files[0]?.relativePath ?? ''},A title,"A caption with ""quotes"""\n`,
  )
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
  await s3.close()
  await rm(dir, { recursive: true, force: true })
})

async function run(token: string, session: string, exportName: string): Promise<CliResult> {
  const env = childEnv({
    HOME: folders.home,
    XDG_DATA_HOME: undefined,
    STAGING_LD_TOKEN: token,
    STAGING_S3_KEY_ID: S3_KEY_ID,
    STAGING_S3_SECRET: S3_SECRET,
  })
  const args = ['import', media.root, '--profile', profilePath, '--session', session, '--json']
  const result = await runCliProcess([...args, '--metadata', join(dir, 'metadata.csv')], env)
  // The `--json` results are what an editor keeps and passes on: the export of the run.
  await writeFile(join(folders.exports, `${exportName}.ndjson`), result.stdout)
  for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret)
  return result
}

describe('secrets after whole imports', () => {
  it('are in no file the CLI wrote: sessions, logs, profiles, exports', { timeout: 120_000 }, async () => {
    const session = join(folders.dataRoot, 'sessions', 'staging-1')
    // Failure paths carry the most detail into the log: S3 refuses the first upload, the first
    // import answer is lost after the server stored the batch, the next request gets a 503.
    let denied = false
    proxy.setRule((r) => {
      if (denied || r.method !== 'PUT') return undefined
      denied = true
      return { type: 'status', status: 403, code: 'AccessDenied' }
    })
    emulator.faults.push({ storeThenFail: 500 }, { status: 503, method: 'GET', path: '/mediaLibrary' })
    const first = await run(TOKEN, session, 'staging-1')
    proxy.setRule(undefined)
    // The denied upload went again on the run's retry; the lost answer was looked up.
    expect(first.code, first.stderr).toBe(0)
    const results = first.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcome: string })
    expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(media.files.length)
    expect(emulator.entries()).toHaveLength(media.files.length)

    // A read-only token: the server answers 403 to the import. The files of the first run are
    // already in the library (found by a read, nothing sent): a new one is there to be sent.
    await writeFile(join(media.root, 'docs', 'new-for-read-only.txt'), 'not in the library yet\n')
    const readOnly = await run(READ_ONLY_TOKEN, join(folders.dataRoot, 'sessions', 'staging-2'), 'read-only')
    expect(readOnly.stderr).toMatch(/403|permission|scope|write/i)
    // A token the server does not know: 401 before any session is touched.
    const rejected = await run(REJECTED_TOKEN, join(folders.dataRoot, 'sessions', 'staging-3'), 'rejected')
    expect(rejected.code).toBe(2)

    // What was written is substantial (the search below is not over empty folders).
    const logs = await filesUnder(join(folders.dataRoot, 'logs'))
    expect(logs.length).toBeGreaterThan(0)
    const logText = (await Promise.all(logs.map((f) => readFile(f, 'utf8')))).join('')
    for (const event of ['import.start', 'upload.failed', 'row.status', 'import.done', 'import.open-failed']) {
      expect(logText, event).toContain(`"event":"${event}"`)
    }
    expect(logText).toContain('access-denied')
    const sessionFiles = (await filesUnder(session)).map((f) => f.slice(session.length + 1))
    expect(sessionFiles).toEqual(expect.arrayContaining(['session.json', 'uploads.ndjson']))

    const searched = [folders.dataRoot, folders.profiles, folders.exports]
    expect(await findSecrets(searched, [...secrets, S3_KEY_ID])).toEqual([])

    // The search can fail: a leak planted in each folder, in a different spelling each, is found.
    const plants = [
      [join(folders.dataRoot, 'logs'), `{"msg":"${Buffer.from(`x:${TOKEN}`).toString('base64')}"}`],
      [session, `{"url":"?t=${encodeURIComponent(S3_SECRET)}"}`],
      [folders.profiles, `{"token":"${READ_ONLY_TOKEN}"}`],
      [folders.exports, Buffer.from(REJECTED_TOKEN).toString('base64url')],
    ] as const
    for (const [folder, text] of plants) await writeFile(join(folder, 'planted-leak.txt'), text)
    const hits = await findSecrets(searched, secrets)
    expect(new Set(hits.map((h) => h.secret))).toEqual(new Set(secrets))
    expect(hits.every((h) => h.file.endsWith('planted-leak.txt'))).toBe(true)
  })
})
