import { describe, expect, it } from 'vitest'
import type { ProfileError } from './profile-issues'
import { parseProfile, resolveProfile } from './resolve-profile'

const validProfile = () => ({
  name: 'Staging',
  livingdocs: { url: 'https://server.example.com/', apiVersion: '2026-05', tokenEnv: 'LIVINGDOCS_TOKEN' },
  storage: {
    region: 'eu-central-1',
    credentials: { accessKeyIdEnv: 'S3_KEY', secretAccessKeyEnv: 'S3_SECRET' },
    image: { bucket: 'ld-images', publicUrl: 'https://images.example.com/', prefix: 'media/' },
    video: { bucket: 'ld-videos', publicUrl: 'https://videos.example.com' },
    file: { bucket: 'ld-files', publicUrl: 'https://files.example.com' },
  },
  import: { systemName: 'archive' },
})
const env = { LIVINGDOCS_TOKEN: 'tok-123', S3_KEY: 'AKIA1', S3_SECRET: 'shh' }

/** Runs `fn`, which must throw a ProfileError, and returns its issues as "path: message" lines. */
function issuesOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    expect((err as Error).name).toBe('ProfileError')
    return (err as ProfileError).issues.map((i) => `${i.path}: ${i.message}`)
  }
  throw new Error('expected a ProfileError')
}

describe('resolveProfile', () => {
  it('resolves secrets from the named variables and normalises URLs and defaults', () => {
    const resolved = resolveProfile(validProfile(), env)
    expect(resolved.livingdocs).toEqual({ url: 'https://server.example.com', apiVersion: '2026-05', token: 'tok-123' })
    expect(resolved.storage.credentials).toEqual({ source: 'keys', accessKeyId: 'AKIA1', secretAccessKey: 'shh' })
    expect(resolved.storage.image).toEqual({
      bucket: 'ld-images',
      publicUrl: 'https://images.example.com',
      prefix: 'media/',
    })
    expect(resolved.storage.video.prefix).toBe('')
    expect(resolved.storage.forcePathStyle).toBe(false)
    expect(resolved.storage.videoPublicRead).toBe(false)
    expect(resolved.storage.endpoint).toBeUndefined()
    expect(resolved.import).toEqual({ systemName: 'archive' })
  })

  it('uses the AWS chain without credentials and a named AWS profile with one', () => {
    const { credentials: _drop, ...storage } = validProfile().storage
    expect(resolveProfile({ ...validProfile(), storage }, env).storage.credentials).toEqual({ source: 'aws-chain' })
    const withProfile = { ...validProfile(), storage: { ...storage, credentials: { profile: 'newsroom' } } }
    expect(resolveProfile(withProfile, { LIVINGDOCS_TOKEN: 't' }).storage.credentials).toEqual({
      source: 'aws-profile',
      profile: 'newsroom',
    })
  })

  it('names every missing variable at once, with the field that names it', () => {
    expect(issuesOf(() => resolveProfile(validProfile(), { S3_KEY: 'k', LIVINGDOCS_TOKEN: '' }))).toEqual([
      'livingdocs.tokenEnv: environment variable LIVINGDOCS_TOKEN is not set; set it to the Livingdocs API access token',
      'storage.credentials.secretAccessKeyEnv: environment variable S3_SECRET is not set; set it to the S3 secret key',
    ])
  })

  it('rejects unknown keys by their path, listing what is allowed', () => {
    const typo = validProfile() as Record<string, unknown>
    typo.storage = { ...validProfile().storage, videoPublicread: true }
    typo.extra = 1
    const issues = issuesOf(() => resolveProfile(typo, env))
    expect(issues).toContain('extra: unknown key (allowed keys here: name, livingdocs, storage, import)')
    expect(issues.find((i) => i.startsWith('storage.videoPublicread: unknown key'))).toMatch(/videoPublicRead/)
  })

  it('says which field is missing or has the wrong type, without echoing values', () => {
    const bad = validProfile() as unknown as { livingdocs: Record<string, unknown>; import: Record<string, unknown> }
    delete bad.livingdocs.url
    bad.livingdocs.tokenEnv = 'ey.secret-token-value'
    bad.import.batchSize = 2.5
    const issues = issuesOf(() => resolveProfile(bad, env))
    expect(issues).toEqual([
      'livingdocs.url: is required (a string)',
      'livingdocs.tokenEnv: expected the NAME of an environment variable (letters, digits, _), not a value',
      'import.batchSize: expected a whole number, got a fraction',
    ])
    expect(issues.join('\n')).not.toContain('secret-token-value')
  })

  it('checks URLs, the API version and key prefixes', () => {
    const bad = validProfile()
    bad.livingdocs.url = 'ftp://server'
    bad.livingdocs.apiVersion = '2026-13'
    bad.storage.image.prefix = 'v/images/'
    expect(issuesOf(() => parseProfile(bad))).toEqual([
      'livingdocs.url: expected an http(s) URL such as "https://example.com"',
      'livingdocs.apiVersion: expected "auto" or a version like "2026-05", "v1" or "beta"',
      'storage.image.prefix: must not start with "/" or "v/" (Livingdocs reserves "v/" for image variants)',
    ])
    for (const apiVersion of ['auto', 'v1', 'beta']) {
      expect(parseProfile({ ...validProfile(), livingdocs: { ...validProfile().livingdocs, apiVersion } })).toBeTruthy()
    }
  })

  it('explains credentials by the closest of its two forms', () => {
    const withCreds = (credentials: unknown) => ({
      ...validProfile(),
      storage: { ...validProfile().storage, credentials },
    })
    expect(issuesOf(() => parseProfile(withCreds({ profile: 7 })))).toEqual([
      'storage.credentials.profile: expected a string, got a number',
    ])
    expect(issuesOf(() => parseProfile(withCreds({ accessKeyIdEnv: 'A' })))).toEqual([
      'storage.credentials.secretAccessKeyEnv: is required (a string)',
    ])
  })

  it('rejects a document that is not an object', () => {
    expect(issuesOf(() => parseProfile([]))).toEqual(['(file): expected an object, got an array'])
  })

  it('names the file in the error message', () => {
    expect(() => parseProfile({}, '/tmp/p.json')).toThrow(
      /^Profile \/tmp\/p\.json is not usable:\n {2}name: is required/,
    )
  })
})
