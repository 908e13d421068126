import { describe, expect, it } from 'vitest'
import { profileSchema } from '../../src-main/core/profile/profile-schema'
import { emptyProfileForm, envNameFor, formFromProfile, profileFromForm } from './profile-form'

const full = {
  name: 'Staging',
  livingdocs: {
    url: 'https://ld.example.com',
    apiVersion: '2026-05',
    tokenEnv: 'STG_TOKEN',
    editorUrl: 'https://edit.example.com/p/news/media-library/{mediaId}',
  },
  storage: {
    endpoint: 'http://127.0.0.1:9000',
    region: 'eu-west-1',
    forcePathStyle: true,
    credentials: { accessKeyIdEnv: 'STG_KEY', secretAccessKeyEnv: 'STG_SECRET' },
    image: { bucket: 'img', publicUrl: 'https://img.example.com', prefix: 'imports/' },
    video: { bucket: 'vid', publicUrl: 'https://vid.example.com' },
    file: { bucket: 'files', publicUrl: 'https://files.example.com' },
    videoPublicRead: true,
    multipart: { thresholdMiB: 32, partSizeMiB: 8 },
  },
  import: { systemName: 'dam', batchSize: 50, batchBytes: 400000 },
}

describe('profile form', () => {
  it('round-trips every field of the profile format', () => {
    const parsed = profileSchema.parse(full)
    expect(profileFromForm(formFromProfile(parsed))).toEqual(full)
  })

  it('leaves out empty optional fields and derives the environment names the CLI reads', () => {
    const form = emptyProfileForm()
    form.name = 'Prod Newsroom'
    form.url = 'https://ld.example.com'
    form.systemName = 'dam'
    for (const kind of ['image', 'video', 'file'] as const) {
      form.targets[kind] = { bucket: kind, publicUrl: `https://${kind}.example.com`, prefix: '' }
    }
    const raw = profileFromForm(form)
    expect(profileSchema.safeParse(raw).success).toBe(true)
    expect(raw).toMatchObject({
      livingdocs: { apiVersion: 'auto', tokenEnv: 'MEDIA_IMPORT_PROD_NEWSROOM_TOKEN' },
      storage: {
        credentials: {
          accessKeyIdEnv: 'MEDIA_IMPORT_PROD_NEWSROOM_S3_KEY_ID',
          secretAccessKeyEnv: 'MEDIA_IMPORT_PROD_NEWSROOM_S3_SECRET',
        },
      },
    })
    expect(raw.storage).not.toHaveProperty('endpoint')
    expect(raw.storage).not.toHaveProperty('multipart')
    expect(raw.import).toEqual({ systemName: 'dam' })
  })

  it('keeps a number that is not one as text, so the schema names that field', () => {
    const form = formFromProfile(profileSchema.parse(full))
    form.batchSize = '12x'
    const result = profileSchema.safeParse(profileFromForm(form))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['import', 'batchSize'])
  })

  it('uses the standard AWS chain or a named AWS profile when chosen', () => {
    const form = formFromProfile(profileSchema.parse(full))
    form.credentials = 'chain'
    expect((profileFromForm(form).storage as Record<string, unknown>).credentials).toBeUndefined()
    form.credentials = 'aws-profile'
    form.awsProfile = 'newsroom'
    expect((profileFromForm(form).storage as Record<string, unknown>).credentials).toEqual({ profile: 'newsroom' })
    expect(envNameFor('', 'TOKEN')).toBe('MEDIA_IMPORT_PROFILE_TOKEN')
  })
})
