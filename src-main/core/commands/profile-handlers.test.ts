import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemorySecretStore, ProfileStore } from '../profile/profile-store'
import { dispatchCommand } from './dispatch'
import type { Handlers } from './handler-types'
import { createProfileHandlers } from './profile-handlers'

const profile = {
  name: 'Production',
  livingdocs: { url: 'https://ld.example.com', apiVersion: '2026-05', tokenEnv: 'PROD_TOKEN' },
  storage: {
    region: 'eu-west-1',
    image: { bucket: 'prod-images', publicUrl: 'https://img.example.com' },
    video: { bucket: 'prod-videos', publicUrl: 'https://vid.example.com' },
    file: { bucket: 'prod-files', publicUrl: 'https://files.example.com' },
  },
  import: { systemName: 'newsroom' },
}

describe('profile commands', () => {
  let dir: string
  let store: ProfileStore
  let told: string[]
  let handlers: Handlers
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profile-handlers-'))
    store = await ProfileStore.open(join(dir, 'profiles.json'), new MemorySecretStore())
    told = []
    handlers = createProfileHandlers({ profiles: store, onSecrets: (v) => told.push(...v) }) as unknown as Handlers
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('saves a profile and its token, answers without the token, lists it', async () => {
    const saved = await dispatchCommand(handlers, 'saveProfile', { profile, secrets: { token: 'prod-token-9a8b7c' } })
    expect(saved).toMatchObject({ ok: true, value: { hasToken: true, profile: { name: 'Production' } } })
    expect(JSON.stringify(saved)).not.toContain('prod-token-9a8b7c')
    expect(told).toEqual(['prod-token-9a8b7c'])
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).not.toContain('prod-token-9a8b7c')
    const listed = await dispatchCommand(handlers, 'listProfiles', undefined)
    expect(listed).toMatchObject({
      ok: true,
      value: { profiles: [{ profile: { name: 'Production' }, hasToken: true }] },
    })
  })

  it('pins an invalid profile to its field', async () => {
    const bad = { ...profile, livingdocs: { ...profile.livingdocs, apiVersion: 'latest' } }
    expect(await dispatchCommand(handlers, 'saveProfile', { profile: bad })).toMatchObject({
      ok: false,
      error: { code: 'invalid-profile', field: 'livingdocs.apiVersion', message: /expected "auto" or a version/ },
    })
    expect(await dispatchCommand(handlers, 'saveProfile', { profile: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
  })

  it('says which secret is missing before testing the connection', async () => {
    await dispatchCommand(handlers, 'saveProfile', { profile })
    expect(await dispatchCommand(handlers, 'testProfile', { name: 'Production' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-profile', field: 'livingdocs.token', message: /no access token saved/ },
    })
  })

  it('deletes, and says when the profiles file could not be read', async () => {
    await dispatchCommand(handlers, 'saveProfile', { profile })
    expect(await dispatchCommand(handlers, 'deleteProfile', { name: 'Production' })).toEqual({
      ok: true,
      value: { removed: true },
    })
    const broken = createProfileHandlers({
      profiles: new Error('profiles.json: not valid JSON'),
    }) as unknown as Handlers
    expect(await dispatchCommand(broken, 'listProfiles', undefined)).toMatchObject({
      ok: false,
      error: { code: 'profiles-unavailable', message: /not valid JSON/ },
    })
  })
})
