/**
 * Corrections of imported entries by a CSV re-run (`--metadata` on a session whose rows are
 * imported), as a user runs `media-import import` against a real Sandbox: the changed titles go
 * out as one `PATCH /mediaLibrary/{id}` each and no entry is created; an entry changed in
 * Livingdocs meanwhile is a 409 shown on the row (exit 1), not overwritten; a run killed between
 * the PATCH and its answer is reconciled by a lookup on the next run, without a second PATCH.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSessionFolder } from '../core/session/persistence/open-session'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { importRecords, startImportTestEnv, type ImportTestEnv } from './import-test-env'
import { childEnv, spawnCli, waitForExit } from './spawn-cli'

let env: ImportTestEnv
let sandbox: RunningSandbox
const PATCH = 'PATCH mediaLibrary/:id'
const IMPORT = 'POST import/mediaLibrary'

beforeAll(async () => {
  env = await startImportTestEnv('cli-corrections')
  sandbox = env.sandbox
})
afterAll(() => env.close())

const entryOf = (mediaId: string | undefined) => sandbox.emulator.entries().find((e) => e.id === mediaId)
const FILES = ['drop/harbour.jpg', 'drop/chart.png', 'drop/docs/brief.pdf']

/**
 * A session with the mixed media imported; answers relativePath -> media id. Each test imports the
 * same files under its own systemName (a profile of its own): their content identities would
 * otherwise make a later test's rows "already in the library" (importer/content-identity.ts), and
 * such rows are another entry's, not corrected by a CSV.
 */
async function importedSession(name: string): Promise<{ session: string; profile: string; ids: Map<string, string> }> {
  const session = join(env.dir, name)
  const profile = join(env.dir, `profile-${name}.json`)
  const base = JSON.parse(await readFile(sandbox.profilePath, 'utf8')) as { import?: Record<string, unknown> }
  await writeFile(profile, JSON.stringify({ ...base, import: { ...base.import, systemName: `corrections-${name}` } }))
  const first = await env.cli([env.media.root, '--profile', profile, '--session', session, '--json'])
  expect(first.code, first.stderr).toBe(0)
  const ids = new Map(importRecords(first.stdout).flatMap((r) => (r.mediaId ? [[r.relativePath, r.mediaId]] : [])))
  for (const path of FILES) expect(ids.get(path)).toBeDefined()
  return { session, profile, ids }
}

async function titlesCsv(name: string, titles: Record<string, string>): Promise<string> {
  const csv = join(env.dir, name)
  const lines = Object.entries(titles).map(([path, title]) => `${path},${title}`)
  await writeFile(csv, `relativePath,title\n${lines.join('\n')}\n`)
  return csv
}

const rerun = (session: { session: string; profile: string }, csv: string) =>
  env.cli([env.media.root, '--profile', session.profile, '--session', session.session, '--metadata', csv, '--json'])

describe('corrections of imported entries by a CSV re-run', () => {
  it(
    'sends a corrected title for three imported rows as three PATCHes and creates no entry',
    { timeout: 90_000 },
    async () => {
      const imported = await importedSession('fix-titles')
      const { ids } = imported
      const entriesBefore = sandbox.emulator.entries().length
      sandbox.emulator.requests.reset()
      const csv = await titlesCsv('titles.csv', Object.fromEntries(FILES.map((p, i) => [p, `Corrected ${i}`])))

      const result = await rerun(imported, csv)
      expect(result.code, result.stderr).toBe(0)
      expect(result.stderr).toMatch(/3 updated/)
      expect(sandbox.emulator.requests.count(PATCH)).toBe(3)
      expect(sandbox.emulator.requests.count(IMPORT)).toBe(0)
      expect(sandbox.emulator.entries()).toHaveLength(entriesBefore)
      FILES.forEach((path, i) => {
        expect(entryOf(ids.get(path))).toMatchObject({ version: 2, metadata: { title: `Corrected ${i}` } })
      })
      // The same CSV again: nothing differs any more, so nothing is sent.
      sandbox.emulator.requests.reset()
      const again = await rerun(imported, csv)
      expect(again.code, again.stderr).toBe(0)
      expect(sandbox.emulator.requests.count(PATCH)).toBe(0)
      expect(again.stderr).not.toMatch(/updated/)
    },
  )

  it(
    'refuses a changed translation on an imported row with the reason, never dropping it',
    { timeout: 90_000 },
    async () => {
      const imported = await importedSession('fix-translation')
      const csv = join(env.dir, 'translation.csv')
      await writeFile(csv, 'relativePath,title.fr\ndrop/harbour.jpg,Le port\n')
      sandbox.emulator.requests.reset()
      const result = await rerun(imported, csv)
      expect(result.code).toBe(1)
      const row = importRecords(result.stdout).find((r) => r.relativePath === 'drop/harbour.jpg')
      expect(row?.issues).toEqual([
        expect.objectContaining({
          field: 'translations.fr.metadata.title',
          message: expect.stringMatching(/no way to change a translation's metadata/) as string,
        }),
      ])
      expect(sandbox.emulator.requests.count(PATCH)).toBe(0)
      // A file for one language: replaceAsset takes no language, so it is refused the same way.
      const chart = relative(env.dir, join(env.media.root, 'chart.png'))
      await writeFile(csv, `relativePath,asset.fr\ndrop/harbour.jpg,${chart}\n`)
      const asset = await rerun(imported, csv)
      expect(asset.code).toBe(1)
      expect(importRecords(asset.stdout).find((r) => r.relativePath === 'drop/harbour.jpg')?.issues).toEqual([
        expect.objectContaining({
          field: 'translations.fr.asset',
          message: expect.stringMatching(
            /its fr file can no longer change: .*replaceAsset takes no language/,
          ) as string,
        }),
      ])
      expect(sandbox.emulator.requests.count(PATCH)).toBe(0)
      // The CSV fixed (the translation left to Livingdocs): the refusal is gone with it.
      await writeFile(csv, 'relativePath,title\ndrop/harbour.jpg,Harbour\n')
      const fixed = await rerun(imported, csv)
      expect(fixed.code, fixed.stderr).toBe(0)
      expect(fixed.stderr).toMatch(/1 updated/)
    },
  )

  it(
    'shows a PATCH conflict on the row when the entry changed in Livingdocs meanwhile',
    { timeout: 90_000 },
    async () => {
      const imported = await importedSession('conflict')
      const { ids } = imported
      const mediaId = ids.get('drop/harbour.jpg') as string
      // An editor changes the entry in Livingdocs: its version moves on.
      const res = await fetch(`${sandbox.emulator.url}/api/2026-07/mediaLibrary/${mediaId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${sandbox.emulator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          patches: [{ operation: 'setMetadataProperty', propertyName: 'title', value: 'Edited in Livingdocs' }],
        }),
      })
      expect(res.status).toBe(200)

      const result = await rerun(imported, await titlesCsv('conflict.csv', { 'drop/harbour.jpg': 'From the CSV' }))
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/Update conflict: drop\/harbour\.jpg: Changed in Livingdocs/)
      const row = importRecords(result.stdout).find((r) => r.relativePath === 'drop/harbour.jpg')
      expect(row).toMatchObject({
        outcome: 'update-failed',
        reason: expect.stringMatching(/nothing was overwritten/) as string,
      })
      expect(entryOf(mediaId)).toMatchObject({ version: 2, metadata: { title: 'Edited in Livingdocs' } })
    },
  )

  it(
    'reconciles a run killed between the PATCH and its answer without a second PATCH',
    { timeout: 90_000 },
    async () => {
      const imported = await importedSession('crash')
      const { session, ids } = imported
      const mediaId = ids.get('drop/chart.png') as string
      const csv = await titlesCsv('crash.csv', { 'drop/chart.png': 'After the crash' })
      sandbox.emulator.requests.reset()
      // The server stores the PATCH, then holds its answer: the kill lands between the two.
      sandbox.emulator.faults.push({ method: 'PATCH', path: '/mediaLibrary/', delayMs: 60_000 })
      const vars = { ...childEnv({ HOME: join(env.dir, 'home'), XDG_DATA_HOME: undefined }), ...sandbox.env }
      const child = spawnCli(
        ['import', env.media.root, '--profile', imported.profile, '--session', session, '--metadata', csv],
        vars,
      )
      const started = Date.now()
      while (entryOf(mediaId)?.metadata.title !== 'After the crash') {
        if (Date.now() - started > 60_000) throw new Error('the PATCH never arrived')
        await new Promise((r) => setTimeout(r, 50))
      }
      child.kill('SIGKILL')
      await waitForExit(child)
      expect(sandbox.emulator.requests.count(PATCH)).toBe(1)
      // The journal says the PATCH was out: the row is `sending` with what was sent.
      const opened = await openSessionFolder(session)
      const journaled = opened.session.snapshot().rows.find((r) => r.result?.mediaId === mediaId)
      await opened.close()
      expect(journaled?.update).toMatchObject({ state: 'sending', sent: { version: 1 } })

      sandbox.emulator.faults.clear()
      const next = await rerun(imported, csv)
      expect(next.code, next.stderr).toBe(0)
      expect(next.stderr).toMatch(/1 updated/)
      expect(sandbox.emulator.requests.count(PATCH)).toBe(1)
      expect(sandbox.emulator.requests.count('GET mediaLibrary')).toBeGreaterThan(0)
      expect(entryOf(mediaId)).toMatchObject({ version: 2, metadata: { title: 'After the crash' } })
    },
  )
})
