import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveProfile } from '../core/profile/resolve-profile'
import { defaultLogDir, openCliLog, profileSecrets } from './cli-log'

const raw = {
  name: 'Staging',
  livingdocs: { url: 'https://ld.example.com', apiVersion: 'auto', tokenEnv: 'T' },
  storage: {
    region: 'eu-central-1',
    credentials: { accessKeyIdEnv: 'K', secretAccessKeyEnv: 'S' },
    image: { bucket: 'i-bucket', publicUrl: 'https://i.example.com' },
    video: { bucket: 'v-bucket', publicUrl: 'https://v.example.com' },
    file: { bucket: 'f-bucket', publicUrl: 'https://f.example.com' },
  },
  import: { systemName: 'archive' },
}
const profile = resolveProfile(raw, { T: 'token-abcdef-123', K: 'AKIAEXAMPLEKEY', S: 'secret/key+value' })

describe('CLI log', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-log-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lives beside the sessions and the Sandbox data', () => {
    expect(defaultLogDir({}, '/home/ed')).toBe('/home/ed/.media-importer/logs')
    expect(defaultLogDir({ XDG_DATA_HOME: '/x' }, '/home/ed')).toBe('/x/media-importer/logs')
  })

  it('registers the token and both keys, and writes none of them', async () => {
    expect(profileSecrets(profile)).toEqual(['token-abcdef-123', 'secret/key+value', 'AKIAEXAMPLEKEY'])
    const log = openCliLog(dir, profile, 'import')
    log.logger.error('x', { message: 'token-abcdef-123 secret%2Fkey%2Bvalue AKIAEXAMPLEKEY' })
    log.close()
    const [file] = await readdir(dir)
    const text = await readFile(join(dir, file ?? ''), 'utf8')
    expect(text).toContain('"command":"import"')
    expect(text).not.toMatch(/token-abcdef-123|secret%2Fkey|AKIAEXAMPLEKEY/)
  })
})
