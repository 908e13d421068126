/**
 * Journeys around the grid's data: a metadata CSV keyed by relative path is previewed cell by
 * cell (before and after, unknown lines listed) and applied as one undoable step; the results
 * (path, entry id, media id, status, errors) are exported as CSV and JSON after a submit; the
 * settings say plainly where imports go.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(120_000)

const files = ['quay.png', 'ferry.png']

test('an editor imports a metadata CSV after checking its preview, submits and exports the results', async ({
  importer,
  harness,
  page,
}, testInfo) => {
  await writeFileTree(join(harness.filesDir, 'Port'), Object.fromEntries(files.map((f, i) => [f, makePng(30 + i, 20)])))
  await importer.drop([join(harness.filesDir, 'Port')])
  await importer.waitForScan('done')
  const grid = new GridPage(importer)
  await grid.expectCounts({ Ready: 2 })

  await page.getByRole('button', { name: 'Import CSV…' }).click()
  const panel = page.getByRole('complementary', { name: 'Import metadata CSV' })
  // An Excel "CSV (Windows)" export (é is the byte 0xE9) is refused naming its line, not mangled.
  const latin1 = Buffer.concat([
    Buffer.from('relativePath,title\r\nquay.png,Caf'),
    Buffer.from([0xe9]),
    Buffer.from('\r\n'),
  ])
  await panel.getByLabel(/CSV file/).setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: latin1 })
  await expect(page.getByRole('alert').filter({ hasText: 'excel.csv' })).toContainText(
    'line 2 is not UTF-8: it looks like a Windows-1252 or Latin-1 (ISO-8859-1) export, as Excel writes ("quay.png,Café"); save it as "CSV UTF-8" and try again.',
  )
  await expect(panel.getByText(/cell\(s\) will change/)).toHaveCount(0)
  const csv = [
    'relativePath,title,title.fr,credit,rating',
    'quay.png,The quay,Le quai,AFP,4',
    'Port/ferry.png,,Le ferry,"Reuters, Paris",',
    'gone.png,Lost,,,',
  ].join('\r\n')
  await panel
    .getByLabel(/CSV file/)
    .setInputFiles({ name: 'metadata.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(panel.getByText('6 cell(s) will change; 2 of 3 line(s) name a file of this session.')).toBeVisible()
  await expect(panel.getByText('1 line(s) name no file of this session')).toBeVisible()
  const previewRows = panel.getByRole('table').getByRole('row')
  await expect(previewRows).toHaveCount(7)
  await expect(previewRows.filter({ hasText: 'Port/quay.png' }).filter({ hasText: 'Title' }).first()).toContainText(
    'quayThe quay',
  )
  // The preview changed nothing yet.
  await grid.expectText('Port/quay.png', 'Title', 'quay')
  await saveScreenshot(page, testInfo, 'csv-preview')
  await panel.getByRole('button', { name: 'Apply 6 change(s)' }).click()
  await expect(panel.getByText('6 cell(s) changed in 2 row(s). Undo reverts them all.')).toBeVisible()
  await grid.expectText('Port/quay.png', 'Title', 'The quay')
  await grid.expectText('Port/ferry.png', 'Credit', 'Reuters, Paris')
  await grid.expectText('Port/quay.png', 'Rating', '4')
  await grid.expectText('Port/ferry.png', 'Title (fr)', 'Le ferry')
  await panel.getByRole('button', { name: 'Close' }).click()

  expect(await grid.submitAll()).toBe('2 imported.')
  await grid.expectCounts({ Imported: 2 })
  const rows = harness.core.session.snapshot().rows
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ])
  expect(csvDownload.suggestedFilename()).toMatch(/^media-import-results-.*\.csv$/)
  const exported = (await readFile(await csvDownload.path())).toString('utf8')
  const lines = exported
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .sort()
  expect(lines).toEqual(
    [
      'path,entryId,mediaId,status,errors',
      ...rows.map((r) => `${r.relativePath},${r.entry?.id},${r.result?.mediaId},imported,`),
    ].sort(),
  )
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ])
  const records = JSON.parse((await readFile(await jsonDownload.path())).toString('utf8')) as { mediaId: string }[]
  expect(records.map((r) => r.mediaId).sort()).toEqual(rows.map((r) => r.result?.mediaId).sort())

  await page.getByRole('button', { name: 'Settings…' }).click()
  const settings = page.getByRole('complementary', { name: 'Profiles and settings' })
  await expect(settings).toContainText(
    'Sandbox: imports go to a Livingdocs stand-in on this computer. Nothing reaches a real newsroom.',
  )
  await saveScreenshot(page, testInfo, 'settings')
})
