/**
 * `media-import import` as a user runs it (`node src-main/cli/bin.cjs import …`) against a real
 * Sandbox: mixed media end up as entries with their assets in S3; `--metadata` sets values and
 * translations; an invalid value fails its row (exit 1, row and field named) and a fixed CSV
 * with the same `--session` finishes the job without a duplicate; usage errors exit 2.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMixedMedia, storedAssets, type MediaFile } from '../core/importer/testing/mixed-media'
import { makeImage } from '../core/probe/fixtures/generate'
import { startSandbox, type RunningSandbox } from '../core/sandbox/start-sandbox'
import type { ImportRecord } from './import-report'
import { childEnv, runCliProcess, type CliResult } from './spawn-cli'

let dir: string
let sandbox: RunningSandbox
let media: { root: string; files: MediaFile[] }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-import-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox') })
  media = await makeMixedMedia(dir)
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

async function cli(args: string[], env: Record<string, string | undefined> = sandbox.env): Promise<CliResult> {
  // childEnv drops every MEDIA_IMPORT_* variable of ours; the sandbox's secrets go in after.
  const childVars = { ...childEnv({ HOME: join(dir, 'home'), XDG_DATA_HOME: undefined }), ...env }
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childVars[name]
  const result = await runCliProcess(['import', ...args], childVars)
  // Secrets never reach the terminal, whatever happened.
  for (const secret of [sandbox.env.MEDIA_IMPORT_SANDBOX_TOKEN, sandbox.emulator.token]) {
    expect(result.stdout + result.stderr).not.toContain(secret)
  }
  return result
}

const records = (stdout: string): ImportRecord[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportRecord)

const entryById = (id: string | undefined) => sandbox.emulator.entries().filter((e) => e.id === id)

describe('media-import import (spawned bin)', () => {
  it(
    'imports a folder of mixed media: every entry once, every asset in S3 with its size and type',
    { timeout: 60_000 },
    async () => {
      const session = join(dir, 'run-1')
      const result = await cli([media.root, '--profile', sandbox.profilePath, '--session', session, '--json'])
      expect(result.stderr).toContain(`Session: ${session}`)
      expect(result.code, result.stderr).toBe(0)
      const out = records(result.stdout)
      expect(out.filter((r) => r.outcome === 'skipped').map((r) => r.relativePath)).toEqual(['drop/.DS_Store'])
      const imported = out.filter((r) => r.outcome === 'imported')
      expect(imported.map((r) => [r.relativePath, r.kind, r.mimeType]).sort()).toEqual(
        media.files.map((f) => [f.relativePath, f.kind, f.mimeType]).sort(),
      )
      const entries = imported.flatMap((r) => entryById(r.mediaId))
      expect(entries).toHaveLength(media.files.length)
      for (const asset of await storedAssets(sandbox.s3, entries)) {
        expect(asset.stored).toEqual({ size: asset.declared.size, contentType: asset.declared.mimeType })
        expect(imported.find((r) => r.mediaId === asset.id)?.key).toBe(asset.key)
      }

      // No secret in any session file.
      for (const name of await readdir(session)) {
        const text = await readFile(join(session, name), 'utf8')
        expect(text, name).not.toContain(sandbox.emulator.token)
        expect(text, name).not.toContain(sandbox.s3.secretAccessKey)
      }

      // The same command again continues the session: nothing new, nothing twice.
      const count = sandbox.emulator.entries().length
      const again = await cli([media.root, '--profile', sandbox.profilePath, '--session', session])
      expect(again.code, again.stderr).toBe(0)
      expect(again.stderr).toContain('(continued)')
      expect(again.stdout.split('\n')[0]).toMatch(/^OUTCOME\s+ENTRY ID\s+SIZE\s+PATH$/)
      expect(again.stdout.match(/^imported /gm)).toHaveLength(media.files.length)
      expect(sandbox.emulator.entries()).toHaveLength(count)
    },
  )

  it('sets metadata, translations, systemName and externalId from --metadata', { timeout: 60_000 }, async () => {
    const csv = join(dir, 'meta.csv')
    await writeFile(
      csv,
      '\uFEFFrelativePath,title,title.fr,caption,systemName,externalId,keywords,asset.de\r\n' +
        'harbour.jpg,"Harbour, at dawn",Le port à l\'aube,"Two\nlines",wire,AP-1,sports;culture,de/hafen.png\r\n' +
        'drop/docs/brief.pdf,Brief,Dossier,,,,,\r\n',
    )
    // A per-locale asset: a file beside the CSV that replaces the picture in German.
    await mkdir(join(dir, 'de'), { recursive: true })
    await makeImage(join(dir, 'de', 'hafen.png'), 24, 18)
    const result = await cli([
      media.root,
      '--profile',
      sandbox.profilePath,
      '--session',
      join(dir, 'run-2'),
      '--metadata',
      csv,
      '--json',
    ])
    expect(result.code, result.stderr).toBe(0)
    const out = records(result.stdout)
    const jpeg = entryById(out.find((r) => r.relativePath === 'drop/harbour.jpg')?.mediaId)[0]
    expect(jpeg).toMatchObject({
      systemName: 'wire',
      externalId: 'AP-1',
      metadata: {
        title: 'Harbour, at dawn',
        caption: 'Two\nlines',
        keywords: ['sports', 'culture'],
        credit: 'Agency North',
      },
      translations: [
        {
          locale: 'de',
          metadata: {},
          asset: expect.objectContaining({ mimeType: 'image/png', width: 24, height: 18, filename: 'hafen.png' }),
        },
        { locale: 'fr', metadata: { title: "Le port à l'aube" } },
      ],
    })
    // The German file went through the same engine: it is in S3 with its size and type.
    const german = jpeg?.translations.find((t) => t.locale === 'de')?.asset
    const [stored] = await storedAssets(sandbox.s3, [{ ...jpeg!, id: 'de', asset: german! }])
    expect(stored?.stored).toEqual({ size: german?.size, contentType: 'image/png' })
    const pdf = entryById(out.find((r) => r.relativePath === 'drop/docs/brief.pdf')?.mediaId)[0]
    expect(pdf).toMatchObject({
      systemName: 'media-importer-sandbox',
      metadata: { title: 'Brief' },
      translations: [{ locale: 'fr', metadata: { title: 'Dossier' } }],
    })
    // Files the CSV does not name keep their prefill (title from the file name).
    const png = entryById(out.find((r) => r.relativePath === 'drop/chart.png')?.mediaId)[0]
    expect(png?.metadata.title).toBe('chart')
  })

  it(
    'fails a row whose value is invalid, naming row and field; a fixed CSV on the same session finishes without duplicates',
    { timeout: 60_000 },
    async () => {
      const session = join(dir, 'run-3')
      const csv = join(dir, 'rating.csv')
      await writeFile(csv, 'relativePath,rating,externalId\ndrop/chart.png,9,CH-1\ndrop/harbour.jpg,3,HB-1\n')
      const first = await cli([
        media.root,
        '--profile',
        sandbox.profilePath,
        '--session',
        session,
        '--metadata',
        csv,
        '--json',
      ])
      expect(first.code, first.stderr).toBe(1)
      const failed = records(first.stdout).filter((r) => r.outcome !== 'imported' && r.outcome !== 'skipped')
      expect(failed).toEqual([
        expect.objectContaining({
          relativePath: 'drop/chart.png',
          outcome: 'held-back',
          issues: [
            expect.objectContaining({
              field: 'metadata.rating',
              message: expect.stringMatching(/at most 5/) as string,
            }),
          ],
        }),
      ])
      expect(first.stderr).toContain(`Continue with: --session ${session}`)
      const importedFirst = records(first.stdout).filter((r) => r.outcome === 'imported')
      expect(importedFirst).toHaveLength(4)

      await writeFile(csv, 'relativePath,rating,externalId\ndrop/chart.png,4,CH-1\ndrop/harbour.jpg,3,HB-1\n')
      const second = await cli([
        media.root,
        '--profile',
        sandbox.profilePath,
        '--session',
        session,
        '--metadata',
        csv,
        '--json',
      ])
      expect(second.code, second.stderr).toBe(0)
      const out = records(second.stdout).filter((r) => r.outcome === 'imported')
      expect(out).toHaveLength(5)
      // The rows of the first run kept their entries; each entry exists exactly once.
      for (const before of importedFirst)
        expect(out.find((r) => r.relativePath === before.relativePath)?.mediaId).toBe(before.mediaId)
      for (const record of out) expect(entryById(record.mediaId)).toHaveLength(1)
      expect(entryById(out.find((r) => r.relativePath === 'drop/chart.png')?.mediaId)[0]).toMatchObject({
        externalId: 'CH-1',
        metadata: { rating: 4 },
      })
    },
  )

  it('exits 2 for usage and configuration errors, before anything is uploaded', { timeout: 60_000 }, async () => {
    const entries = sandbox.emulator.entries().length
    const noProfile = await cli([media.root])
    expect(noProfile.code).toBe(2)
    expect(noProfile.stderr).toMatch(/--profile FILE is required/)

    const csv = join(dir, 'bad.csv')
    await writeFile(csv, 'relativePath,headline\ndrop/chart.png,x\n')
    const session = join(dir, 'run-bad')
    const badColumn = await cli([media.root, '--profile', sandbox.profilePath, '--session', session, '--metadata', csv])
    expect(badColumn.code).toBe(2)
    expect(badColumn.stderr).toMatch(/bad\.csv: line 1: unknown column "headline"/)
    await expect(readdir(session)).rejects.toThrow(/ENOENT/)

    await writeFile(csv, 'relativePath,title\ndrop/chart.png,x\ndrop/missing.png,y\n')
    const badPath = await cli([media.root, '--profile', sandbox.profilePath, '--metadata', csv])
    expect(badPath.code).toBe(2)
    expect(badPath.stderr).toMatch(/line 3: no file "drop\/missing.png"/)

    const noToken = await cli([media.root, '--profile', sandbox.profilePath], {
      MEDIA_IMPORT_SANDBOX_TOKEN: undefined,
      MEDIA_IMPORT_SANDBOX_S3_KEY_ID: 'S3RVER',
      MEDIA_IMPORT_SANDBOX_S3_SECRET: 'S3RVER',
    })
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toMatch(/environment variable MEDIA_IMPORT_SANDBOX_TOKEN is not set/)

    const wrongToken = await cli([media.root, '--profile', sandbox.profilePath], {
      ...sandbox.env,
      MEDIA_IMPORT_SANDBOX_TOKEN: 'not-the-token',
    })
    expect(wrongToken.code).toBe(2)
    expect(wrongToken.stderr).toMatch(/Livingdocs at http:\/\/127\.0\.0\.1:\d+: /)
    expect(wrongToken.stdout + wrongToken.stderr).not.toContain('not-the-token')
    expect(sandbox.emulator.entries()).toHaveLength(entries)
  })
})
