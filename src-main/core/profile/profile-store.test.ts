import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadProfile } from './load-profile'
import { MemorySecretStore, ProfileStore } from './profile-store'

const staging = (name = 'Staging') => ({
  name,
  livingdocs: { url: 'https://ld-staging.example.com', apiVersion: 'auto', tokenEnv: 'STAGING_TOKEN' },
  storage: {
    region: 'eu-central-1',
    credentials: { accessKeyIdEnv: 'STAGING_KEY_ID', secretAccessKeyEnv: 'STAGING_SECRET' },
    image: { bucket: 'stg-images', publicUrl: 'https://img.example.com' },
    video: { bucket: 'stg-videos', publicUrl: 'https://vid.example.com' },
    file: { bucket: 'stg-files', publicUrl: 'https://files.example.com' },
  },
  import: { systemName: 'archive', batchSize: 50 },
})
const secrets = { token: 'tok-staging-5f9e2a', accessKeyId: 'AKIASTAGING01', secretAccessKey: 'sEcReT/staging+key' }

describe('ProfileStore', () => {
  let dir: string
  let file: string
  let vault: MemorySecretStore
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profile-store-'))
    file = join(dir, 'data', 'profiles.json')
    vault = new MemorySecretStore()
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('starts empty without a file (the app runs the Sandbox then)', async () => {
    expect(await (await ProfileStore.open(file, vault)).list()).toEqual([])
  })

  it('keeps profiles in the file and secrets only in the secret store, and resolves them together', async () => {
    const store = await ProfileStore.open(file, vault)
    const saved = await store.save(staging(), secrets)
    expect(saved).toMatchObject({ hasToken: true, hasKeys: true, profile: { name: 'Staging' } })
    await store.save(staging('Production'), { token: 'tok-production-77' })

    const text = await readFile(file, 'utf8')
    for (const value of [...Object.values(secrets), 'tok-production-77']) expect(text).not.toContain(value)
    expect((await stat(file)).mode & 0o777).toBe(0o600)

    const reopened = await ProfileStore.open(file, vault)
    expect((await reopened.list()).map((s) => [s.profile.name, s.hasToken, s.hasKeys])).toEqual([
      ['Staging', true, true],
      ['Production', true, false],
    ])
    const resolved = await reopened.resolve('Staging')
    expect(resolved.livingdocs.token).toBe(secrets.token)
    expect(resolved.storage.credentials).toEqual({
      source: 'keys',
      accessKeyId: secrets.accessKeyId,
      secretAccessKey: secrets.secretAccessKey,
    })
    expect(resolved.import.batchSize).toBe(50)
  })

  it('is the format the CLI reads, with the secrets from the environment it names', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(staging(), secrets)
    const { profiles } = JSON.parse(await readFile(file, 'utf8')) as { profiles: unknown[] }
    const cliFile = join(dir, 'exported.json')
    await writeFile(cliFile, JSON.stringify(profiles[0]))
    const cli = await loadProfile(cliFile, { STAGING_TOKEN: 't', STAGING_KEY_ID: 'k', STAGING_SECRET: 's' })
    expect(cli.name).toBe('Staging')
  })

  it('says which secret is missing', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(staging(), { token: 'tok-only-123456' })
    await expect(store.resolve('Staging')).rejects.toThrow(/no S3 access key id saved for this profile/)
    await expect(store.resolve('Nope')).rejects.toThrow(/no profile named "Nope"/)
  })

  it('keeps secrets not typed again, removes those cleared, and moves them on rename', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(staging(), secrets)
    await store.save(staging('Stage 2'), { secretAccessKey: '' }, 'Staging')
    expect(store.get('Staging')).toBeUndefined()
    expect(await store.list()).toEqual([expect.objectContaining({ hasToken: true, hasKeys: false })])
    expect([...vault.values.keys()].sort()).toEqual(['profile/Stage 2/accessKeyId', 'profile/Stage 2/token'])
  })

  it('refuses a duplicate name and an invalid profile by field, changing nothing', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(staging(), secrets)
    await store.save(staging('Production'))
    await expect(store.save(staging('Production'), {}, 'Staging')).rejects.toThrow(/"Production" exists already/)
    await expect(store.save({ ...staging(), livingdocs: { url: 'nope' } })).rejects.toThrow(/livingdocs\.url/)
    expect((await store.list()).map((s) => s.profile.name)).toEqual(['Staging', 'Production'])
  })

  it('removes a profile with its secrets', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(staging(), secrets)
    expect(await store.remove('Staging')).toBe(true)
    expect(await store.remove('Staging')).toBe(false)
    expect(vault.values.size).toBe(0)
    expect(await (await ProfileStore.open(file, vault)).list()).toEqual([])
  })

  it('keeps a profile saved with plain http on the network to be edited, but never uses it', async () => {
    const old = { ...staging(), livingdocs: { ...staging().livingdocs, url: 'http://ld-staging.example.com' } }
    const store = await ProfileStore.open(file, vault)
    await store.save(staging(), secrets)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('https://ld-staging.example.com', old.livingdocs.url))
    const reopened = await ProfileStore.open(file, vault)
    expect((await reopened.list()).map((s) => s.profile.livingdocs.url)).toEqual([old.livingdocs.url])
    await expect(reopened.resolve('Staging')).rejects.toThrow(/livingdocs\.url: must start with https:\/\//)
    await expect(reopened.save(old, {}, 'Staging')).rejects.toThrow(/must start with https/)
    // Anything else wrong with a saved profile still makes the file unusable.
    await writeFile(file, text.replace('"batchSize": 50', '"batchSize": "many"'))
    await expect(ProfileStore.open(file, vault)).rejects.toThrow(/import\.batchSize/)
  })

  it('names the file when it is damaged', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(staging())
    await writeFile(file, '{"profiles": [')
    await expect(ProfileStore.open(file, vault)).rejects.toThrow(/profiles\.json is not usable/)
  })
})
