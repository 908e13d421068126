/**
 * Never a duplicate across runs and sessions (`media-import import` spawned against a real
 * Sandbox): entries without an externalId carry their content identity (`sha256-<hex>`), so the
 * same folder imported twice without `--session`, copies of the files under other names, and two
 * runs at the same time over one folder all end with exactly one entry per distinct content.
 */
import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRecords, startImportTestEnv, type ImportTestEnv } from './import-test-env'

let env: ImportTestEnv

beforeAll(async () => {
  env = await startImportTestEnv('cli-dedupe')
})
afterAll(() => env.close())

const entries = () => env.sandbox.emulator.entries()
const lookups = () => env.sandbox.emulator.requests.count('GET mediaLibrary')
const run = (root: string, extra: string[] = []) =>
  env.cli([root, '--profile', env.sandbox.profilePath, '--json', ...extra])

describe('media-import import: never a duplicate across runs', () => {
  it(
    'the same folder twice without --session: the second run creates nothing, uploads nothing, exits 0',
    { timeout: 90_000 },
    async () => {
      const { media } = env
      const first = await run(media.root)
      expect(first.code, first.stderr).toBe(0)
      const created = entries().length
      expect(created).toBe(media.files.length)
      // Each entry carries its content identity under the profile's systemName.
      for (const entry of entries()) expect(entry.externalId).toMatch(/^sha256-[0-9a-f]{64}$/)

      const lookupsBefore = lookups()
      const second = await run(media.root)
      expect(second.code, second.stderr).toBe(0)
      expect(entries()).toHaveLength(created)
      const out = importRecords(second.stdout).filter((r) => r.outcome !== 'skipped')
      expect(out).toHaveLength(media.files.length)
      for (const record of out) {
        expect(record.outcome, record.relativePath).toBe('in-library')
        // Not uploaded: no storage key, and the media id of the first run's entry.
        expect(record.key).toBeUndefined()
        expect(entries().map((e) => e.id)).toContain(record.mediaId)
        expect(record.reason).toMatch(/^Already in the library as entry \S+ on \d{4}-\d\d-\d\d: /)
      }
      // Asked about together (rows gathered as their probes finish), not one request per file.
      expect(lookups() - lookupsBefore).toBeLessThan(media.files.length)
      expect(second.stderr).toContain(`${media.files.length} files: ${media.files.length} already in the library`)
    },
  )

  it(
    'copies of the same files under other names, in a new session: 0 entries created',
    { timeout: 60_000 },
    async () => {
      const copies = join(env.dir, 'copies')
      await mkdir(copies, { recursive: true })
      for (const [i, file] of env.media.files.entries()) {
        const from = join(env.media.root, ...file.relativePath.split('/').slice(1))
        await copyFile(from, join(copies, `renamed-${i}-${file.relativePath.split('/').pop()}`))
      }
      const before = entries().length
      const result = await run(copies, ['--session', join(env.dir, 'copies-session')])
      expect(result.code, result.stderr).toBe(0)
      expect(entries()).toHaveLength(before)
      const out = importRecords(result.stdout)
      expect(out.map((r) => r.outcome)).toEqual(env.media.files.map(() => 'in-library'))
    },
  )

  it(
    'two runs on different sessions over one folder at the same time: one entry per distinct content',
    { timeout: 90_000 },
    async () => {
      const root = join(env.dir, 'fresh')
      await mkdir(root, { recursive: true })
      const contents = Array.from({ length: 4 }, () => `${randomBytes(24).toString('hex')}\n`)
      for (const [i, text] of contents.entries()) await writeFile(join(root, `note-${i}.txt`), text)
      // A copy inside the folder too: same bytes, other name.
      await writeFile(join(root, 'note-0-copy.txt'), contents[0] as string)
      const before = entries().length

      const [a, b] = await Promise.all([
        run(root, ['--session', join(env.dir, 'run-a')]),
        run(root, ['--session', join(env.dir, 'run-b')]),
      ])
      expect(a.code, a.stderr).toBe(0)
      expect(b.code, b.stderr).toBe(0)
      const made = entries().slice(before)
      expect(made).toHaveLength(contents.length)
      expect(new Set(made.map((e) => e.externalId)).size).toBe(contents.length)
      // Every row of both runs ended imported or already in the library, none failed.
      const outcomes = [...importRecords(a.stdout), ...importRecords(b.stdout)].map((r) => r.outcome)
      expect(outcomes.filter((o) => o === 'imported')).toHaveLength(contents.length)
      expect(outcomes.filter((o) => o === 'in-library')).toHaveLength(10 - contents.length)
    },
  )

  it(
    'a file another session of this computer imported is "already in the library" even while the lookup fails',
    { timeout: 60_000 },
    async () => {
      const solo = join(env.dir, 'solo')
      const copy = join(env.dir, 'solo-copy')
      await mkdir(solo, { recursive: true })
      await mkdir(copy, { recursive: true })
      const text = `${randomBytes(24).toString('hex')}\n`
      await writeFile(join(solo, 'memo.txt'), text)
      await writeFile(join(copy, 'memo-renamed.txt'), text)
      // Session A (no --session: the default sessions folder) imports it.
      const a = await run(solo)
      expect(a.code, a.stderr).toBe(0)
      const mediaId = importRecords(a.stdout)[0]?.mediaId
      const before = entries().length

      // Session B, another name for the same bytes, and every library lookup answers 503.
      const { faults } = env.sandbox.emulator
      for (let i = 0; i < 40; i++) faults.push({ method: 'GET', path: '/mediaLibrary', status: 503 })
      try {
        const b = await run(copy)
        expect(b.code, b.stderr).toBe(0)
        expect(entries()).toHaveLength(before)
        const [record] = importRecords(b.stdout)
        expect(record).toMatchObject({ outcome: 'in-library', mediaId })
        expect(record?.key).toBeUndefined()
        expect(record?.reason).toMatch(/^Already in the library as entry \S+ on \d{4}-\d\d-\d\d: file "memo.txt"/)
        expect(record?.reason).toMatch(/session "solo · [^"]+" in /)
        // The lookup was asked and failed: the answer came from the sessions index.
        expect(faults.pending()).toBeLessThan(40)
      } finally {
        faults.clear()
      }
    },
  )
})
