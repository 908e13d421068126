/**
 * A failed upload's own reason reaches the editor: with a bucket that does not exist, the rows
 * of that bucket say so (CLI table and `--json`), not "The file is not uploaded yet", and
 * nothing of theirs reaches the Livingdocs server.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRecords, startImportTestEnv, type ImportTestEnv } from './import-test-env'

let env: ImportTestEnv
let profilePath: string
const MISSING = 'no-such-bucket-for-images'

beforeAll(async () => {
  env = await startImportTestEnv('cli-upload-reason')
  const profile = JSON.parse(await readFile(env.sandbox.profilePath, 'utf8')) as {
    storage: { image: { bucket: string } }
  }
  profile.storage.image.bucket = MISSING
  profilePath = join(env.dir, 'missing-bucket.json')
  await writeFile(profilePath, JSON.stringify(profile))
})
afterAll(() => env.close())

describe('media-import import with a bucket that does not exist', () => {
  it('names the bucket in the row reason, in --json and in the table', { timeout: 90_000 }, async () => {
    const images = env.media.files.filter((f) => f.kind === 'image').map((f) => f.relativePath)
    expect(images.length).toBeGreaterThan(0)

    const json = await env.cli([env.media.root, '--profile', profilePath, '--session', join(env.dir, 's1'), '--json'])
    expect(json.code, json.stderr).toBe(1)
    const failed = importRecords(json.stdout).filter((r) => images.includes(r.relativePath))
    expect(failed).toHaveLength(images.length)
    for (const record of failed) {
      expect(record.outcome).toBe('upload-failed')
      expect(record.reason).toContain(`Bucket "${MISSING}" does not exist`)
      expect(record.reason).not.toMatch(/not uploaded yet/)
    }
    expect(env.sandbox.emulator.entries().filter((e) => e.mediaType === 'image')).toEqual([])

    const table = await env.cli([env.media.root, '--profile', profilePath, '--session', join(env.dir, 's2')])
    expect(table.code, table.stderr).toBe(1)
    expect(table.stdout).toContain(`Bucket "${MISSING}" does not exist`)
    expect(table.stdout).not.toMatch(/not uploaded yet/)
  })
})
