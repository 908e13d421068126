/**
 * Journey: "Import again as a new entry" for many rows (issue #16). Two photos are imported; the
 * same photos under other names are dropped again and are "Already in the library" (not uploaded).
 * The editor selects them all: the edit bar offers "Import again as new entries (2)", which asks
 * first with the count and what happens; accepted, both rows get a new identity
 * (`sha256-<hex>-again-<time>`), upload and are submitted as two new entries beside the old ones.
 */
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(180_000)

test('rows already in the library are imported again as new entries for a selection, after a question with the count', async ({
  importer,
  harness,
}) => {
  const emulator = harness.sandbox!.emulator()
  const first = join(harness.filesDir, 'Desk')
  await writeFileTree(first, { 'a.png': makePng(40, 30), 'b.png': makePng(30, 40) })
  const grid = new GridPage(importer)
  await importer.drop([first])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 2, Uploading: 0 })
  expect(await grid.submitAll()).toBe('2 imported.')
  expect(emulator.entries()).toHaveLength(2)

  const copies = join(harness.filesDir, 'Copies')
  await mkdir(copies, { recursive: true })
  await copyFile(join(first, 'a.png'), join(copies, 'a-copy.png'))
  await copyFile(join(first, 'b.png'), join(copies, 'b-copy.png'))
  await importer.drop([copies])
  await importer.waitForScan('done')
  await expect(await grid.cell('Copies/a-copy.png', 'Status')).toContainText('Already in the library')
  await expect(await grid.cell('Copies/b-copy.png', 'Status')).toContainText('Already in the library')

  // Every row selected: the two imported ones are left alone, the two in the library are offered.
  await grid.selectAll()
  const again = grid.page.getByRole('button', { name: 'Import again as new entries (2)' })
  const asked = new Promise<string>((resolve) =>
    grid.page.once('dialog', (dialog) => {
      resolve(dialog.message())
      void dialog.accept()
    }),
  )
  await again.click()
  expect(await asked).toMatch(
    /^2 files will become new entries with new ids; the existing entries stay, so the library will hold each content twice\./,
  )
  await expect(again).toHaveCount(0)
  await grid.expectCounts({ Ready: 2, Imported: 2, Uploading: 0 })
  for (const row of harness.core.session.snapshot().rows.filter((r) => r.relativePath.startsWith('Copies/'))) {
    expect(row.identitySuffix, row.relativePath).toMatch(/^\d{8}t\d{6}z-[0-9a-z]{4}$/)
  }
  expect(await grid.submitAll()).toBe('2 imported.')
  const made = emulator.entries()
  expect(made).toHaveLength(4)
  expect(made.filter((e) => /^sha256-[0-9a-f]{64}-again-/.test(e.externalId ?? ''))).toHaveLength(2)
})
