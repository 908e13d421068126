/**
 * `media-import import --metadata` with a CSV someone else wrote, as a user runs it (spawned bin,
 * real Sandbox): a file the CSV names outside the paths given is refused before anything is
 * uploaded (exit 2, line and column named, nothing stored), a CSV that is not UTF-8 is refused
 * naming its line, file names with escape sequences reach the terminal as visible text, and a
 * profile with a plain-http:// Livingdocs URL on another computer is refused before anything is sent.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { access, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeImage } from '../core/probe/fixtures/generate'
import { createSandboxS3Client } from '../core/sandbox/s3-server'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { startTempSandbox } from '../test-support/temp-sandbox'
import { childEnv, runCliProcess, type CliResult } from './spawn-cli'

let dir: string
let sandbox: RunningSandbox
let close: () => Promise<void>
let root: string

beforeAll(async () => {
  ;({ dir, sandbox, close } = await startTempSandbox('cli-csv-safety'))
  root = join(dir, 'drop')
  await mkdir(join(root, 'de'), { recursive: true })
  await makeImage(join(root, 'harbour.png'), 16, 12)
  // A secret beside the folder, and a link inside the folder that leads to it.
  await mkdir(join(dir, 'secret'))
  await writeFile(join(dir, 'secret', 'credentials'), '[default]\naws_secret_access_key = x\n')
  await symlink(join(dir, 'secret', 'credentials'), join(root, 'de', 'innocent.png'))
}, 60_000)
afterAll(() => close())

const cli = (args: string[]): Promise<CliResult> =>
  runCliProcess(['import', ...args], {
    ...childEnv({ HOME: join(dir, 'home'), XDG_DATA_HOME: undefined }),
    ...sandbox.env,
  })

async function storedObjects(): Promise<number> {
  const client = createSandboxS3Client(sandbox.s3)
  try {
    let count = 0
    for (const bucket of new Set(Object.values(sandbox.s3.buckets))) {
      count += (await client.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount ?? 0
    }
    return count
  } finally {
    client.destroy()
  }
}

async function refused(name: string, csv: string | Buffer): Promise<CliResult> {
  const file = join(dir, `${name}.csv`)
  await writeFile(file, csv)
  const session = join(dir, `session-${name}`)
  const result = await cli([root, '--profile', sandbox.profilePath, '--session', session, '--metadata', file])
  expect(result.code, result.stderr).toBe(2)
  // Nothing happened: no object in any bucket, no entry, no session folder left behind.
  expect(await storedObjects()).toBe(0)
  expect(sandbox.emulator.entries()).toHaveLength(0)
  await expect(access(session)).rejects.toThrow()
  return result
}

describe('media-import import --metadata with an untrusted CSV (spawned bin)', () => {
  it('refuses a file named outside the paths given, before any upload', { timeout: 60_000 }, async () => {
    const passwd = await refused('passwd', 'relativePath,title,asset.de\nharbour.png,Harbour,/etc/passwd\n')
    expect(passwd.stderr).toMatch(
      /^media-import: --metadata .*passwd\.csv: line 2: column asset\.de: "\/etc\/passwd" is outside the folders given on the command line/m,
    )
    const climb = await refused('climb', 'relativePath,asset.de\nharbour.png,drop/de/../../secret/credentials\n')
    expect(climb.stderr).toContain('line 2: column asset.de: "drop/de/../../secret/credentials" is outside')
    // A link inside the imported folder is followed only to check where it leads.
    const link = await refused('link', 'relativePath,asset.fr\nharbour.png,drop/de/innocent.png\n')
    expect(link.stderr).toContain(`(it leads to ${join(dir, 'secret', 'credentials')}) is outside`)
  })

  it('takes --assets only with --metadata', async () => {
    const result = await cli([root, '--profile', sandbox.profilePath, '--assets', join(dir, 'secret')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--assets names folders for the --metadata CSV; give --metadata FILE.csv too.')
  })

  it('refuses a profile whose livingdocs.url is http:// to another computer (exit 2, mentions https)', async () => {
    // The real sandbox profile with only the URL changed: the loader refuses it before anything is
    // contacted, so example.com is never reached and nothing is stored.
    const profile = JSON.parse(await readFile(sandbox.profilePath, 'utf8')) as { livingdocs: { url: string } }
    profile.livingdocs.url = 'http://example.com'
    const profilePath = join(dir, 'plain-http.json')
    await writeFile(profilePath, JSON.stringify(profile), { mode: 0o600 })
    const session = join(dir, 'session-plain-http')
    const result = await cli([root, '--profile', profilePath, '--session', session])
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain('livingdocs.url: must start with https://')
    expect(await storedObjects()).toBe(0)
    expect(sandbox.emulator.entries()).toHaveLength(0)
    await expect(access(session)).rejects.toThrow()
  })

  it('refuses a CSV that is not UTF-8, naming the line and the likely encoding', { timeout: 60_000 }, async () => {
    const latin1 = Buffer.concat([
      Buffer.from('relativePath,title\r\nharbour.png,ok\r\nharbour.png,caf'),
      Buffer.from([0xe9]),
      Buffer.from(' bad\r\n'),
    ])
    const result = await refused('latin1', latin1)
    expect(result.stderr).toContain(
      'line 3 is not UTF-8: it looks like a Windows-1252 or Latin-1 (ISO-8859-1) export, as Excel writes ("harbour.png,café bad"); save it as "CSV UTF-8" and try again.',
    )
  })

  it(
    'prints file names with escape sequences as visible text; --json keeps them exact',
    { timeout: 60_000 },
    async () => {
      const evil = join(dir, 'evil')
      const name = 'red\x1b[31m\x1b]0;owned\x07.png'
      await mkdir(evil)
      await makeImage(join(evil, name), 8, 8)
      const table = await cli([evil, '--profile', sandbox.profilePath, '--session', join(dir, 'session-evil')])
      expect(table.code, table.stderr).toBe(0)
      expect(table.stdout).toContain('evil/red\\x1b[31m\\x1b]0;owned\\x07.png')
      for (const raw of ['\x1b', '\x07']) expect(table.stdout + table.stderr).not.toContain(raw)
      const json = await cli([evil, '--profile', sandbox.profilePath, '--session', join(dir, 'session-evil'), '--json'])
      expect(json.code, json.stderr).toBe(0)
      const [record] = json.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { relativePath: string })
      expect(record?.relativePath).toBe(`evil/${name}`)
      expect(await readdir(evil)).toEqual([name])
    },
  )
})
