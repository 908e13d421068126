/**
 * `media-import import` as a user runs it (`node src-main/cli/bin.cjs import …`) against a real
 * Sandbox: mixed media end up as entries with their assets in S3; `--metadata` sets values and
 * translations; an invalid value fails its row (exit 1, row and field named) and a fixed CSV
 * with the same `--session` finishes the job without a duplicate.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storedAssets } from '../core/importer/testing/mixed-media'
import { makeImage } from '../core/probe/fixtures/generate'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { importRecords, startImportTestEnv, type ImportTestEnv } from './import-test-env'
import type { CliResult } from './spawn-cli'

let env: ImportTestEnv
let dir: string
let sandbox: RunningSandbox
let media: ImportTestEnv['media']

beforeAll(async () => {
  env = await startImportTestEnv('cli-import')
  ;({ dir, sandbox, media } = env)
})
afterAll(() => env.close())

async function cli(args: string[]): Promise<CliResult> {
  const result = await env.cli(args)
  // Secrets never reach the terminal.
  expect(result.stdout + result.stderr).not.toContain(sandbox.emulator.token)
  return result
}

const records = importRecords
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
        // The first test imported these bytes already: the PDF gets its own externalId to be a new entry.
        'drop/docs/brief.pdf,Brief,Dossier,,,BR-1,,\r\n',
    )
    // A per-locale asset: a file beside the CSV that replaces the picture in German. Its folder is
    // given with --assets: a CSV may only name files inside paths given on the command line.
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
      '--assets',
      join(dir, 'de'),
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
      externalId: 'BR-1',
      metadata: { title: 'Brief' },
      translations: [{ locale: 'fr', metadata: { title: 'Dossier' } }],
    })
    // Files the CSV does not name keep their prefill (title from the file name); after the first
    // test they are already in the library (the same bytes), and their entry is that one.
    const png = out.find((r) => r.relativePath === 'drop/chart.png')
    expect(['imported', 'in-library']).toContain(png?.outcome)
    expect(entryById(png?.mediaId)[0]?.metadata.title).toBe('chart')
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
      // Files without an externalId in the CSV were imported by the first test: "already in the library".
      const done = (r: { outcome: string }) => r.outcome === 'imported' || r.outcome === 'in-library'
      const failed = records(first.stdout).filter((r) => !done(r) && r.outcome !== 'skipped')
      expect(failed).toEqual([
        expect.objectContaining({
          relativePath: 'drop/chart.png',
          outcome: 'needs-attention',
          issues: [
            expect.objectContaining({
              field: 'metadata.rating',
              message: expect.stringMatching(/at most 5/) as string,
            }),
          ],
        }),
      ])
      expect(first.stderr).toContain(`Run again: media-import import `)
      expect(first.stderr).toContain(` --session ${session}`)
      const importedFirst = records(first.stdout).filter(done)
      expect(importedFirst).toHaveLength(4)
      expect(importedFirst.filter((r) => r.outcome === 'imported').map((r) => r.relativePath)).toEqual([
        'drop/harbour.jpg',
      ])

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
      const out = records(second.stdout).filter(done)
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
})
