/**
 * Journey: camera file names are no titles. In the desk's shoot, four rows start with their file
 * name as title (DSC_0417, DSC_0420, DSC_0421, MVI_0425): they stay Ready (the server takes such a
 * title) but the counts bar's chip counts them, the Title cell says "needs a title" and the
 * Status cell "check the title"; the chip shows those rows with the cursor on the first title,
 * F8 walks from one to the next, and a typed title takes the row off the count.
 */
import { expect, test } from '../harness/ui-fixtures'
import { at, openDesk } from '../support/desk'

test.use({ viewport: { width: 1440, height: 900 } })
test.setTimeout(180_000)

test('titles from file names are counted, shown and walked through with F8, without blocking the submit', async ({
  ui,
  page,
}) => {
  const { importer, grid } = await openDesk(ui)
  // The session is named after the folder and when, not by its folder's id.
  await expect(importer.sandboxBanner).toContainText(/Session: Harbour shoot · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/)
  const chip = page.getByRole('button', { name: '4 titles from file names' })
  await expect(chip).toBeVisible()
  // A warning, not a block: every row is still Ready.
  await grid.expectCounts({ Ready: 6, Invalid: 0 })
  const title = await grid.cell(at('DSC_0417.jpg'), 'Title')
  await expect(title.locator('.fallback-mark')).toHaveAttribute('data-label', 'needs a title')
  const status = await grid.cell(at('DSC_0417.jpg'), 'Status')
  await expect(status).toHaveText('Ready')
  await expect(status.locator('.fallback-mark')).toHaveAttribute('data-label', 'check the title')
  // A title from the file: no note.
  await expect((await grid.cell(at('DSC_0412.jpg'), 'Status')).locator('.fallback-mark')).toHaveCount(0)

  await chip.click()
  await expect(chip).toHaveAttribute('aria-pressed', 'true')
  await expect(importer.rows).toHaveCount(4)
  const active = importer.grid.locator('[role="gridcell"].active')
  await expect(active).toHaveAttribute('data-column', 'metadata.title')
  await expect(active).toHaveText('DSC_0417')
  await expect(importer.grid).toBeFocused()

  const said = page.getByTestId('problem-said')
  await grid.press('F8')
  await expect(said).toHaveText(/^Title from a file name 2 of 4: The title is the file name \("DSC_0420"\)/)
  await expect(active).toHaveText('DSC_0420')
  // Typed over: the row leaves the count (it stays listed until the filter is applied again), and
  // Enter goes down to the next row the filter lists, the next such title.
  await page.keyboard.type('Fish market at sunrise')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '3 titles from file names' })).toBeVisible()
  await expect((await grid.cell(at('DSC_0420.jpg'), 'Status')).locator('.fallback-mark')).toHaveCount(0)
  await expect(active).toHaveText('DSC_0421')
  await grid.press('F8')
  await expect(said).toHaveText(/^Title from a file name 3 of 3: .*"MVI_0425"/)
  await grid.press('Shift+F8')
  await expect(said).toHaveText(/^Title from a file name 2 of 3: .*"DSC_0421"/)

  // Pressed again: every row.
  await page.getByRole('button', { name: '3 titles from file names' }).click()
  await expect(importer.rows).toHaveCount(6)

  // Selecting a row does not move the grid: what is selected is said in the status bar, not in a
  // second line of the edit bar that pushed the grid down under the pointer.
  const top = (await importer.grid.boundingBox())!.y
  await (await grid.cell(at('DSC_0412.jpg'), 'File')).click()
  await expect(page.locator('.selection-count')).toContainText('1 selected')
  await expect(page.getByRole('button', { name: 'Clear selection' })).toBeVisible()
  expect((await importer.grid.boundingBox())!.y).toBe(top)
})
