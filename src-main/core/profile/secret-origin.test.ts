import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatchCommand } from '../commands/dispatch'
import type { Handlers } from '../commands/handlers'
import { createProfileHandlers } from '../commands/profile-handlers'
import { MemorySecretStore, ProfileStore } from './profile-store'

const profile = (url: string, endpoint?: string) => ({
  name: 'Staging',
  livingdocs: { url, apiVersion: 'auto', tokenEnv: 'STAGING_TOKEN' },
  storage: {
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    region: 'eu-central-1',
    credentials: { accessKeyIdEnv: 'STAGING_KEY_ID', secretAccessKeyEnv: 'STAGING_SECRET' },
    image: { bucket: 'img', publicUrl: 'https://img.example.com' },
    video: { bucket: 'vid', publicUrl: 'https://vid.example.com' },
    file: { bucket: 'fil', publicUrl: 'https://files.example.com' },
  },
  import: { systemName: 'archive' },
})
const secrets = { token: 'tok-bound-5f9e2a', accessKeyId: 'AKIABOUND01', secretAccessKey: 'sEcReT/bound+key' }

describe('secrets are bound to the origin they were entered for', () => {
  let dir: string
  let file: string
  let vault: MemorySecretStore
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secret-origin-'))
    file = join(dir, 'profiles.json')
    vault = new MemorySecretStore()
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('forgets the token when the Livingdocs address changes, and says why', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(profile('https://ld.example.com'), secrets)
    // Same origin, another path: still the same server, the token stays.
    expect(await store.save(profile('https://LD.example.com:443/api'), {}, 'Staging')).toMatchObject({
      hasToken: true,
      hasKeys: true,
    })
    const moved = await store.save(profile('https://ld.attacker.example'), {}, 'Staging')
    expect(moved).toMatchObject({ hasToken: false, hasKeys: true })
    expect(moved.secretNotes).toEqual([
      expect.stringMatching(
        /^The Livingdocs address changed .*: enter the token again; it is only sent to the address/,
      ),
    ])
    expect([...vault.values.values()].join()).not.toContain(secrets.token)
    await expect(store.resolve('Staging')).rejects.toThrow(/no access token saved/)
    // Typed again: kept for the new address.
    await store.save(profile('https://ld.attacker.example'), { token: 'tok-new-77' }, 'Staging')
    expect((await store.resolve('Staging')).livingdocs.token).toBe('tok-new-77')
  })

  it('forgets the S3 keys when the endpoint changes (AWS itself counts as one)', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(profile('https://ld.example.com'), secrets)
    const moved = await store.save(profile('https://ld.example.com', 'https://minio.example.com'), {}, 'Staging')
    expect(moved).toMatchObject({ hasToken: true, hasKeys: false })
    expect(moved.secretNotes?.[0]).toMatch(
      /S3 endpoint changed \(AWS itself before, https:\/\/minio\.example\.com now\)/,
    )
    expect([...vault.values.values()].join()).not.toMatch(/AKIABOUND01|bound\+key/)
  })

  it('refuses a secret whose address was changed in the file by hand', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(profile('https://ld.example.com'), secrets)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('https://ld.example.com', 'https://elsewhere.example.com'))
    const reopened = await ProfileStore.open(file, vault)
    expect(await reopened.list()).toEqual([expect.objectContaining({ hasToken: false, hasKeys: true })])
    await expect(reopened.resolve('Staging')).rejects.toThrow(
      /Livingdocs address changed \(https:\/\/ld\.example\.com before, https:\/\/elsewhere\.example\.com now\)/,
    )
  })

  it('takes a secret saved before origins were kept as bound to the address the profile had', async () => {
    const store = await ProfileStore.open(file, vault)
    await store.save(profile('https://ld.example.com'))
    vault.values.set('profile/Staging/token', 'tok-legacy-1')
    expect((await store.list())[0]?.hasToken).toBe(true)
    const moved = await store.save(profile('https://other.example.com'), {}, 'Staging')
    expect(moved.hasToken).toBe(false)
    expect(vault.values.has('profile/Staging/token')).toBe(false)
  })

  it('Test connection never sends the saved token to a changed address', async () => {
    const seen: IncomingHttpHeaders[] = []
    const server: Server = createServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(401).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const port = (server.address() as AddressInfo).port
      const store = await ProfileStore.open(file, vault)
      const handlers = createProfileHandlers({ profiles: store }) as unknown as Handlers
      await dispatchCommand(handlers, 'saveProfile', { profile: profile('https://ld.example.com'), secrets })
      const saved = await dispatchCommand(handlers, 'saveProfile', {
        profile: profile(`http://127.0.0.1:${port}`),
        previousName: 'Staging',
      })
      expect(saved).toMatchObject({ ok: true, value: { hasToken: false } })
      expect(await dispatchCommand(handlers, 'testProfile', { name: 'Staging' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-profile', field: 'livingdocs.token' },
      })
      expect(seen).toEqual([])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
