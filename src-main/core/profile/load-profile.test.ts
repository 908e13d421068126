import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineAndColumn, loadProfile, readProfileFile } from './load-profile'

const profile = {
  name: 'Local',
  livingdocs: { url: 'http://127.0.0.1:9090', apiVersion: 'auto', tokenEnv: 'LD_TOKEN' },
  storage: {
    endpoint: 'http://127.0.0.1:4568',
    region: 'us-east-1',
    forcePathStyle: true,
    image: { bucket: 'img', publicUrl: 'http://127.0.0.1:4568/img' },
    video: { bucket: 'vid', publicUrl: 'http://127.0.0.1:4568/vid' },
    file: { bucket: 'fil', publicUrl: 'http://127.0.0.1:4568/fil' },
  },
  import: { systemName: 'test', batchSize: 20 },
}

describe('loadProfile', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profile-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function write(name: string, text: string): Promise<string> {
    const path = join(dir, name)
    await writeFile(path, text)
    return path
  }

  it('loads a valid file (with a BOM) and resolves the token from the environment', async () => {
    const path = await write('ok.json', '\uFEFF' + JSON.stringify(profile, null, 2))
    const resolved = await loadProfile(path, { LD_TOKEN: 'abc' })
    expect(resolved.livingdocs.token).toBe('abc')
    expect(resolved.storage.endpoint).toBe('http://127.0.0.1:4568')
    expect(resolved.storage.forcePathStyle).toBe(true)
    expect(resolved.import.batchSize).toBe(20)
    expect((await readProfileFile(path)).name).toBe('Local')
  })

  it('says the file is missing and what to do', async () => {
    const path = join(dir, 'nope.json')
    await expect(loadProfile(path, {})).rejects.toThrow(`Profile ${path} is not usable:\n  (file): file not found`)
    await expect(loadProfile(path, {})).rejects.toThrow(/media-import sandbox/)
  })

  it('says a folder is not a profile', async () => {
    await expect(loadProfile(dir, {})).rejects.toThrow(/is a folder, expected a \.json file/)
  })

  it('reports bad JSON with line and column, without quoting the file', async () => {
    const path = await write('bad.json', '{\n  "name": "x",\n  "token": "ey-secret-value"\n  "oops": 1\n}')
    const error = (await loadProfile(path, {}).then(
      () => undefined,
      (err: unknown) => err,
    )) as Error
    expect(error.message).toMatch(/\(file\): not valid JSON: .*\(line 4, column 3\)/)
    expect(error.message).not.toContain('ey-secret-value')
  })

  it('reports truncated JSON at its end', async () => {
    const path = await write('short.json', '{\n  "name": "x",')
    await expect(loadProfile(path, {})).rejects.toThrow(/not valid JSON: .*\(line 2, column 15\)/)
  })

  it('reports schema errors by path', async () => {
    const path = await write('schema.json', JSON.stringify({ ...profile, import: { systemname: 'x' } }))
    await expect(loadProfile(path, { LD_TOKEN: 'abc' })).rejects.toThrow(
      /import\.systemName: is required \(a string\)\n {2}import\.systemname: unknown key/,
    )
  })

  it('names the missing environment variable', async () => {
    const path = await write('env.json', JSON.stringify(profile))
    await expect(loadProfile(path, {})).rejects.toThrow(
      'livingdocs.tokenEnv: environment variable LD_TOKEN is not set; set it to the Livingdocs API access token',
    )
  })
})

describe('lineAndColumn', () => {
  it('counts from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
  })
})

describe('plain http', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profile-http-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const withUrls = (url: string, endpoint: string, publicUrl = 'http://cdn.example.com/img') => ({
    ...profile,
    livingdocs: { ...profile.livingdocs, url },
    storage: { ...profile.storage, endpoint, image: { bucket: 'img', publicUrl } },
  })
  const load = async (raw: unknown): Promise<unknown> => {
    const path = join(dir, 'p.json')
    await writeFile(path, JSON.stringify(raw))
    return loadProfile(path, { LD_TOKEN: 'abc' })
  }

  it('is refused for the Livingdocs URL and the S3 endpoint anywhere but this computer, naming https', async () => {
    const error = await load(withUrls('http://ld.example.com', 'http://minio.example.com:9000')).catch((e) => e)
    expect(String(error)).toMatch(/livingdocs\.url: must start with https:\/\/ \(http:\/\/ is refused except/)
    expect(String(error)).toMatch(/storage\.endpoint: must start with https:\/\//)
  })

  it('is accepted on loopback (the Sandbox) and for publicUrl, where no secret goes', async () => {
    for (const host of ['127.0.0.1:9090', '127.8.0.3', 'localhost:8080', '[::1]:4568']) {
      await expect(load(withUrls(`http://${host}`, `http://${host}`))).resolves.toBeDefined()
    }
    await expect(load(withUrls('https://ld.example.com', 'https://s3.example.com'))).resolves.toBeDefined()
  })
})
