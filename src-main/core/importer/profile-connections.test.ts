import { describe, expect, it } from 'vitest'
import { resolveProfile } from '../profile/resolve-profile'
import { livingdocsOptionsOf, storageConfigOf } from './profile-connections'

const raw = (credentials?: object) => ({
  name: 'Newsroom',
  livingdocs: { url: 'https://ld.example.com/', apiVersion: 'auto', tokenEnv: 'LD_TOKEN' },
  storage: {
    region: 'eu-central-1',
    ...(credentials ? { credentials } : {}),
    image: { bucket: 'img', publicUrl: 'https://img.example.com/', prefix: 'media/' },
    video: { bucket: 'vid', publicUrl: 'https://vid.example.com' },
    file: { bucket: 'doc', publicUrl: 'https://doc.example.com' },
    videoPublicRead: true,
  },
  import: { systemName: 'newsroom' },
})

describe('profile connections', () => {
  it('maps keys from the environment to the engine, labelled without the key', () => {
    const profile = resolveProfile(raw({ accessKeyIdEnv: 'KEY_ID', secretAccessKeyEnv: 'SECRET' }), {
      LD_TOKEN: 't0ken',
      KEY_ID: 'AKIAEXAMPLE',
      SECRET: 's3cret',
    })
    const config = storageConfigOf(profile, { concurrency: 4 })
    expect(config).toEqual({
      region: 'eu-central-1',
      forcePathStyle: false,
      credentials: {
        type: 'keys',
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 's3cret',
        label: 'the S3 keys of profile "Newsroom"',
      },
      targets: {
        image: { bucket: 'img', publicUrl: 'https://img.example.com', prefix: 'media/' },
        video: { bucket: 'vid', publicUrl: 'https://vid.example.com', prefix: '' },
        file: { bucket: 'doc', publicUrl: 'https://doc.example.com', prefix: '' },
      },
      videoPublicRead: true,
      concurrency: 4,
    })
    expect(livingdocsOptionsOf(profile)).toEqual({ url: 'https://ld.example.com', token: 't0ken', apiVersion: 'auto' })
  })

  it("passes the profile's multipart sizes to the engine in bytes, and refuses parts under 5 MiB", () => {
    const withSizes = (multipart: object) => ({ ...raw(), storage: { ...raw().storage, multipart } })
    const config = storageConfigOf(resolveProfile(withSizes({ thresholdMiB: 8, partSizeMiB: 5 }), { LD_TOKEN: 't' }))
    expect(config).toMatchObject({ multipartThreshold: 8 * 1024 * 1024, minPartSize: 5 * 1024 * 1024 })
    expect(storageConfigOf(resolveProfile(raw(), { LD_TOKEN: 't' }))).not.toHaveProperty('minPartSize')
    expect(() => resolveProfile(withSizes({ partSizeMiB: 4 }), { LD_TOKEN: 't' })).toThrow(
      'storage.multipart.partSizeMiB: must be at least 5',
    )
  })

  it('uses the AWS chain or a named AWS profile', () => {
    expect(storageConfigOf(resolveProfile(raw(), { LD_TOKEN: 't' })).credentials).toEqual({ type: 'default-chain' })
    expect(storageConfigOf(resolveProfile(raw({ profile: 'press' }), { LD_TOKEN: 't' })).credentials).toEqual({
      type: 'profile',
      profile: 'press',
    })
  })
})
