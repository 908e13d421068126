/**
 * Journeys through the grid's spreadsheet side, on rows the real core read from real files:
 * a range pasted from Excel/Google Sheets lands cell by cell (each parsed for its column) and
 * copies back out the same; undo and redo work after the rows were sorted; find and replace
 * with a regular expression previews its count before it changes anything; bulk set resolves
 * variables per row.
 */
import { join } from 'node:path'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'
import type { ImporterPage } from '../support/pages/importer-page'

test.use({ withSandbox: true })
test.setTimeout(120_000)

const files = ['a-quay.png', 'b-ferry.png', 'c-nets.png'].map((name) => `Port/${name}`)
const [quay, ferry, nets] = files as [string, string, string]

async function dropPort(importer: ImporterPage, filesDir: string): Promise<GridPage> {
  await writeFileTree(
    join(filesDir, 'Port'),
    Object.fromEntries(files.map((f, i) => [f.slice(5), makePng(20 + i, 10)])),
  )
  await importer.drop([join(filesDir, 'Port')])
  await importer.waitForScan('done')
  const grid = new GridPage(importer)
  await expect(importer.rows).toHaveCount(3)
  await grid.sortBy('File')
  return grid
}

test('an editor pastes a range from a spreadsheet at the active cell and copies one out', async ({
  importer,
  harness,
}, testInfo) => {
  const grid = await dropPort(importer, harness.filesDir)
  await (await grid.cell(quay, 'Title')).click()
  // As Google Sheets copies three rows of Title, Caption, Credit (a caption with a line break is quoted).
  await grid.paste(
    'Quay at dawn\t"First light\non the quay"\tAFP\r\nThe ferry\tLeaving port\tReuters\r\nNets\t\tdpa\r\n',
  )
  await grid.expectText(quay, 'Title', 'Quay at dawn')
  await grid.expectText(quay, 'Caption', 'First light\non the quay')
  await grid.expectText(ferry, 'Credit', 'Reuters')
  await grid.expectText(nets, 'Title', 'Nets')
  await grid.expectText(nets, 'Caption', '')

  // Numbers and lists are read for their column; what a column cannot take is kept and marked.
  await (await grid.cell(quay, 'Keywords')).click()
  await grid.paste('sea; dawn\tcc0\tfive\r\nport\tCC-BY-4.0\t3\r\n')
  await grid.expectText(quay, 'Keywords', 'sea; dawn')
  await grid.expectText(ferry, 'License', 'cc-by-4.0')
  await grid.expectText(ferry, 'Rating', '3')
  const rating = await grid.cell(quay, 'Rating')
  await expect(rating).toHaveText('five')
  await expect(rating).toHaveAttribute('aria-invalid', 'true')
  await expect(rating).toHaveAttribute('title', 'Rating must be a whole number.')
  await expect(grid.errorGroup('Rating must be a whole number.')).toContainText('×1')
  await rating.click()
  await expect(grid.page.getByRole('tooltip')).toHaveText('Rating must be a whole number.')
  await saveScreenshot(grid.page, testInfo, 'pasted')

  // A single value pasted onto a range fills the range.
  await grid.selectRange(quay, nets, 'Source')
  await grid.paste('Port authority')
  for (const f of files) await grid.expectText(f, 'Source', 'Port authority')

  await grid.selectRange(quay, ferry, 'Title', 'Credit')
  expect(await grid.copy()).toBe('Quay at dawn\t"First light\non the quay"\tAFP\nThe ferry\tLeaving port\tReuters')
})

test('undo and redo work after sorting, one whole action at a time', async ({ importer, harness }) => {
  const grid = await dropPort(importer, harness.filesDir)
  await grid.type(quay, 'Title', 'Zebra crossing by the quay')
  await (await grid.cell(quay, 'Credit')).click()
  await grid.paste('AFP\nAFP\nAFP')
  // Sorting by title moves the edited row from first to last.
  await grid.sortBy('Title')
  await expect(importer.rows.last()).toContainText(quay)
  await grid.grid.focus()
  await grid.press('Control+z')
  for (const f of files) await grid.expectText(f, 'Credit', '')
  await grid.press('Control+z')
  await grid.expectText(quay, 'Title', 'a-quay')
  await expect(grid.page.getByRole('button', { name: 'Undo' })).toBeDisabled()
  await grid.press('Control+Shift+z')
  await grid.expectText(quay, 'Title', 'Zebra crossing by the quay')
  await grid.press('Control+y')
  for (const f of files) await grid.expectText(f, 'Credit', 'AFP')
  await expect(grid.page.getByRole('button', { name: 'Redo' })).toBeDisabled()
})

test('find and replace with a regular expression shows its count first, and bulk set fills variables per row', async ({
  importer,
  harness,
}, testInfo) => {
  const grid = await dropPort(importer, harness.filesDir)
  await grid.selectAll()
  await grid.bulkSet('Title', 'Replace', '{filename} / {folder} #{seq:2}')
  await grid.clearSelection()
  await grid.expectText(quay, 'Title', 'a-quay / Port #01')
  await grid.expectText(nets, 'Title', 'c-nets / Port #03')

  await grid.grid.focus()
  await grid.press('Control+f')
  const panel = grid.page.getByRole('complementary', { name: 'Find and replace' })
  await panel.getByLabel('Find').fill('^(\\w)-(\\w+) / Port')
  await panel.getByLabel('Replace with').fill('$2 ($1)')
  await panel.getByLabel(/Regular expression/).check()
  await expect(panel.getByText('3 match(es) in 3 cell(s) of 3 row(s)')).toBeVisible()
  await expect(panel.getByRole('list', { name: 'Examples' })).toContainText('a-quay / Port #01 → quay (a) #01')
  // Nothing changed yet: the count is a preview.
  await grid.expectText(quay, 'Title', 'a-quay / Port #01')
  await saveScreenshot(grid.page, testInfo, 'find-preview')
  await panel.getByRole('button', { name: 'Replace all' }).click()
  await expect(panel.getByText('Replaced 3 match(es) in 3 cell(s).')).toBeVisible()
  await grid.expectText(quay, 'Title', 'quay (a) #01')
  await grid.expectText(ferry, 'Title', 'ferry (b) #02')

  await panel.getByLabel('Find').fill('(')
  await expect(panel.getByText(/Not a valid regular expression/)).toBeVisible()
  // RE2 runs the patterns (linear time); what it cannot run is named where the pattern was typed.
  await panel.getByLabel('Find').fill('Port(?= #)')
  await expect(panel.getByText('Look-ahead `(?=` is not supported in find & replace patterns.')).toBeVisible()
  await panel.getByRole('button', { name: 'Close' }).click()
  await grid.grid.focus()
  await grid.press('Control+z')
  await grid.expectText(ferry, 'Title', 'b-ferry / Port #02')
})
