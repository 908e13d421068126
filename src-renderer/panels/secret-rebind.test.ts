import { describe, expect, it } from 'vitest'
import { profileSchema } from '../../src-main/core/profile/profile-schema'
import { formFromProfile } from './profile-form'
import { KEYS_AGAIN, secretsToEnterAgain, TOKEN_AGAIN } from './secret-rebind'

const saved = profileSchema.parse({
  name: 'Staging',
  livingdocs: { url: 'https://ld.example.com', apiVersion: 'auto', tokenEnv: 'STG_TOKEN' },
  storage: {
    region: 'eu-west-1',
    credentials: { accessKeyIdEnv: 'STG_KEY', secretAccessKeyEnv: 'STG_SECRET' },
    image: { bucket: 'img', publicUrl: 'https://img.example.com' },
    video: { bucket: 'vid', publicUrl: 'https://vid.example.com' },
    file: { bucket: 'files', publicUrl: 'https://files.example.com' },
  },
  import: { systemName: 'dam' },
})

describe('secrets to enter again', () => {
  it('asks for nothing while the origins stay (another path, case or default port)', () => {
    expect(secretsToEnterAgain(saved, { ...formFromProfile(saved), url: 'https://LD.example.com:443/x' })).toEqual({})
  })

  it('asks for the token when the Livingdocs origin changes, for the keys when the endpoint does', () => {
    const form = formFromProfile(saved)
    expect(secretsToEnterAgain(saved, { ...form, url: 'https://ld.example.org' })).toEqual({ token: TOKEN_AGAIN })
    expect(secretsToEnterAgain(saved, { ...form, endpoint: 'https://minio.example.com' })).toEqual({ keys: KEYS_AGAIN })
    expect(TOKEN_AGAIN).toMatch(/only sent to the address it was given for/)
  })

  it('says nothing about an address still being typed', () => {
    expect(secretsToEnterAgain(saved, { ...formFromProfile(saved), url: 'https://' })).toEqual({})
  })
})
