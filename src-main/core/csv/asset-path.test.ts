import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { realRoots, resolveAssetPath } from './asset-path'

let dir: string
let roots: string[]

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'asset-path-')))
  await mkdir(join(dir, 'drop', 'de'), { recursive: true })
  await mkdir(join(dir, 'secret'))
  await writeFile(join(dir, 'drop', 'de', 'a.png'), 'x')
  await writeFile(join(dir, 'secret', 'key'), 'x')
  await symlink(join(dir, 'secret', 'key'), join(dir, 'drop', 'de', 'link.png'))
  await symlink(join(dir, 'drop', 'de', 'a.png'), join(dir, 'inside-link.png'))
  roots = await realRoots([join(dir, 'drop')])
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('resolveAssetPath', () => {
  it('answers the real path of a file inside a given folder, relative to the CSV or absolute', async () => {
    const real = join(dir, 'drop', 'de', 'a.png')
    expect(await resolveAssetPath(join(dir, 'drop'), 'de/a.png', roots)).toEqual({ ok: true, path: real })
    expect(await resolveAssetPath(dir, real, roots)).toEqual({ ok: true, path: real })
    // A link outside whose target is inside is fine: what is read is the target.
    expect(await resolveAssetPath(dir, 'inside-link.png', roots)).toEqual({ ok: true, path: real })
  })

  it('refuses system files, climbing out with .., and links leading out', async () => {
    const refused = /is outside the folders given on the command line.*--assets DIR\.$/
    expect(await resolveAssetPath(join(dir, 'drop'), '/etc/passwd', roots)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(refused) as string,
    })
    expect(await resolveAssetPath(join(dir, 'drop'), '../secret/key', roots)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(refused) as string,
    })
    expect(await resolveAssetPath(join(dir, 'drop'), 'de/link.png', roots)).toEqual({
      ok: false,
      problem: expect.stringContaining(`(it leads to ${join(dir, 'secret', 'key')}) is outside`) as string,
    })
  })

  it('names missing files and folders', async () => {
    expect(await resolveAssetPath(dir, 'drop/none.png', roots)).toEqual({
      ok: false,
      problem: 'no file "drop/none.png" (paths are relative to the CSV file).',
    })
    expect(await resolveAssetPath(dir, 'drop/de', roots)).toEqual({ ok: false, problem: '"drop/de" is not a file.' })
  })
})
