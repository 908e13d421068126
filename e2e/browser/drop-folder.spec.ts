/**
 * Journey: an editor drops a photographer's folder (nested, mixed types, a hidden file, an empty
 * file, a unicode name) plus a loose file onto the window and sees one row per file, read by
 * the real core (kinds come from the bytes).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { bytesOfLength, writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'
import type { GridRowText } from '../support/pages/importer-page'

const SANDBOX_TEXT = 'Sandbox: everything stays on this computer — nothing is sent to a real Livingdocs server.'
const UNICODE_NAME = 'Zürich – Straßenfest 東京.txt'
const byFile = (a: GridRowText, b: GridRowText) => a.file.localeCompare(b.file)

test('an editor drops a nested folder and a loose file and gets one row per file', async ({
  importer,
  harness,
}, testInfo) => {
  const png = makePng(24, 16)
  const unicodeText = 'Grüezi mitenand – 東京'
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
  const reportage = join(harness.filesDir, 'Reportage')
  await writeFileTree(reportage, {
    'cover.png': png,
    'notes.txt': bytesOfLength(1536),
    'empty.txt': '',
    '.hidden': 'local editor settings',
    [`2026/03/${UNICODE_NAME}`]: unicodeText,
    '2026/03/day-2/logo.svg': svg,
    '2026/03/day-2/scan.bin': bytesOfLength(2_500_000, 7),
  })
  const pressRelease = join(harness.filesDir, 'press-release.txt')
  await writeFile(pressRelease, bytesOfLength(12_345))

  await expect(importer.sandboxBanner).toHaveText(SANDBOX_TEXT)
  await expect(importer.grid).toContainText('Drop folders or files anywhere in this window')

  const dragged = await importer.dragOver([reportage, pressRelease])
  await expect(importer.dropZone).toHaveAttribute('data-drag-active', 'true')
  await importer.release(dragged)
  await expect(importer.dropZone).toHaveAttribute('data-drag-active', 'false')

  // Done means walked and read: every file has its kind, or the reason it cannot be imported.
  await importer.waitForScan('done')
  await expect(importer.scanProgress).toContainText('7 files, 1 skipped, 1 error')
  await expect(importer.rows).toHaveCount(7)

  // Read, not uploaded: this window has no storage, so each file waits for its upload.
  const WAITING = 'Waiting to upload'
  const expected: GridRowText[] = [
    { file: 'Reportage/cover.png', kind: 'Image', size: `${png.length} B`, status: WAITING },
    { file: 'Reportage/notes.txt', kind: 'File', size: '1.5 kB', status: WAITING },
    {
      file: `Reportage/2026/03/${UNICODE_NAME}`,
      kind: 'File',
      size: `${Buffer.byteLength(unicodeText)} B`,
      status: WAITING,
    },
    { file: 'Reportage/2026/03/day-2/logo.svg', kind: 'Image', size: `${Buffer.byteLength(svg)} B`, status: WAITING },
    { file: 'Reportage/2026/03/day-2/scan.bin', kind: 'File', size: '2.5 MB', status: WAITING },
    { file: 'press-release.txt', kind: 'File', size: '12 kB', status: WAITING },
  ]
  const rows = await importer.rowTexts()
  expect(rows.filter((r) => r.file !== 'Reportage/empty.txt').sort(byFile)).toEqual(expected.sort(byFile))
  // An empty file stays in the list, marked as not importable, with the reason in words.
  const empty = rows.find((r) => r.file === 'Reportage/empty.txt')
  expect(empty).toMatchObject({
    kind: 'Unknown',
    size: '0 B',
    status: expect.stringMatching(/^Cannot be read: Empty file/),
  })

  // The hidden file is no grid row; it is counted as skipped and can be looked at on request.
  await expect(importer.row('Reportage/.hidden')).toHaveCount(0)
  await expect(importer.showSkipped).toHaveAccessibleName('Show skipped (1)')
  await importer.showSkipped.check()
  await expect(importer.row('Reportage/.hidden')).toContainText('Skipped: hidden file')
  await importer.showSkipped.uncheck()
  await expect(importer.row('Reportage/.hidden')).toHaveCount(0)
  await expect(importer.problems).toHaveCount(0)

  await saveScreenshot(importer.page, testInfo, 'light')
  await importer.page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(importer.page, testInfo, 'dark')
})

test('an editor picks folders with "Choose folders…" instead of dropping', async ({ importer, harness }) => {
  const archive = join(harness.filesDir, 'Archiv 2019')
  await writeFileTree(archive, { 'a.png': makePng(4, 4), 'sub/b.txt': 'b' })

  await importer.chooseFolders([archive])

  await importer.waitForScan('done')
  await expect(importer.rows).toHaveCount(2)
  await expect(await new GridPage(importer).cell('Archiv 2019/sub/b.txt', 'Size')).toHaveText('1 B')
})

test('a command with a bad argument is refused with an error that says what is wrong', async ({
  importer,
  page,
}, testInfo) => {
  // Straight through the bridge, as any renderer code would call it.
  const answer = await page.evaluate(() => window.mediaImport?.addPaths({ paths: ['relative/photos'] }))
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  expect(answer?.ok === false && answer.error.message).toMatch(/addPaths: .*absolute.* at paths\.0/)

  // And as an editor meets it: a drop that resolves to a relative path shows a problem, adds nothing.
  await importer.drop(['relative/photos'])
  await expect(importer.problems).toHaveCount(1)
  await expect(importer.problems).toContainText('absolute')
  await expect(importer.problems).toHaveAttribute('data-code', 'invalid-argument')
  await expect(importer.rows).toHaveCount(0)
  await expect(importer.scanProgress).toHaveAttribute('data-state', 'idle')
  await saveScreenshot(page, testInfo, 'refused')
})
