/**
 * Journey: an editor imports harbour photos for a bilingual desk. The Sandbox project's image type
 * has a translatable asset, so the grid has a "File (fr)" column. For one photo the editor chooses
 * the French version (the system picker answers with it); it is probed and uploads by itself, the
 * cell shows its name and "Uploaded". A PDF chosen for the other photo is refused with what the
 * row takes. After submit, the library's entry carries the French translation with that file's
 * key, and the key is in the sandbox S3; the imported row's file can no longer change.
 */
import { join } from 'node:path'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { createSandboxS3Client } from '../../src-main/core/sandbox/s3-server'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(120_000)

const dawn = 'Harbour/dawn.png'
const ferry = 'Harbour/ferry.png'

test('an editor gives a photo its French file, it uploads, and the entry carries it', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Harbour')
  const translated = join(harness.filesDir, 'Traductions')
  await writeFileTree(folder, { 'dawn.png': makePng(48, 32), 'ferry.png': makePng(40, 30) })
  await writeFileTree(translated, {
    'aube.png': makePng(32, 48),
    'brief.pdf': '%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  })
  const grid = new GridPage(importer)

  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 2, Uploading: 0 })

  // The French file, chosen with the picker from the cell.
  const cell = await grid.cell(dawn, 'File (fr)')
  await expect(cell).toContainText('No file')
  harness.picker.next = [join(translated, 'aube.png')]
  await cell.getByRole('button', { name: `Choose the fr file of ${dawn}` }).click()
  await expect(cell).toContainText('aube.png')
  await expect(cell.getByRole('img', { name: 'Uploaded' })).toBeVisible({ timeout: 30_000 })
  await expect(cell.getByRole('button', { name: `Replace the fr file of ${dawn}` })).toBeVisible()
  await expect(cell.getByRole('button', { name: `Clear the fr file of ${dawn}` })).toBeVisible()

  // Choosing is an edit like any other: undone, the cell is empty again; redone, the file is back, uploaded.
  await grid.page.getByRole('button', { name: 'Undo' }).click()
  await expect(cell).toContainText('No file')
  await grid.page.getByRole('button', { name: 'Redo' }).click()
  await expect(cell).toContainText('aube.png')
  await expect(cell.getByRole('img', { name: 'Uploaded' })).toBeVisible({ timeout: 30_000 })

  // A PDF is not an image: refused with the row, the file and what to choose instead.
  const other = await grid.cell(ferry, 'File (fr)')
  harness.picker.next = [join(translated, 'brief.pdf')]
  await other.getByRole('button', { name: `Choose the fr file of ${ferry}` }).click()
  await expect(grid.page.getByRole('alert').filter({ hasText: 'brief.pdf' })).toContainText(
    `brief.pdf is a file; ${ferry} is of media type "Image", which takes an image for its fr file. Choose an image file.`,
  )
  await expect(other).toContainText('No file')
  await saveScreenshot(grid.page, testInfo, 'french-file-uploaded')

  expect(await grid.submitAll()).toBe('2 imported.')
  await grid.expectCounts({ Imported: 2 })

  // The entry has the French translation with that file's key, and the key is in the bucket.
  const row = harness.core.session.snapshot().rows.find((r) => r.relativePath === dawn)
  const upload = row?.localeAssets?.fr?.upload
  expect(upload?.state).toBe('uploaded')
  const entry = sandbox
    .emulator()
    .entries()
    .find((e) => e.id === row?.result?.mediaId) as unknown as {
    translations?: { locale: string; asset?: { key: string; mimeType: string } }[]
  }
  expect(entry.translations).toEqual([
    expect.objectContaining({
      locale: 'fr',
      asset: expect.objectContaining({ key: upload?.key, mimeType: 'image/png' }),
    }),
  ])
  const s3 = createSandboxS3Client(sandbox.sandbox.s3)
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: upload?.bucket, Key: upload?.key }))
    expect(head.ContentType).toBe('image/png')
  } finally {
    s3.destroy()
  }
  const ferryRow = harness.core.session.snapshot().rows.find((r) => r.relativePath === ferry)
  const ferryEntry = sandbox
    .emulator()
    .entries()
    .find((e) => e.id === ferryRow?.result?.mediaId) as unknown as { translations?: unknown[] }
  expect(ferryEntry.translations ?? []).toEqual([])

  // Imported: the file stays shown, and nothing is offered any more.
  const imported = await grid.cell(dawn, 'File (fr)')
  await expect(imported).toContainText('aube.png')
  await expect(imported.getByRole('button')).toHaveCount(0)
  await saveScreenshot(grid.page, testInfo, 'imported')
})
