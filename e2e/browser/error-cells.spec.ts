/**
 * Journey (issue #17): errors lead to their cells. A row with an invalid Rating is hidden by an
 * unrelated text filter; its error card shows it anyway (the chip above the grid says so and that
 * the text filter was cleared), selects it and puts the cursor on the Rating cell, whose message
 * shows under it. The chip's × shows every row again. F8 / Shift+F8 step through every problem
 * cell, a hidden externalId included (the Technical columns come on for it), and say where they
 * went. Saves docs/screenshots/error-flow.png.
 */
import { join, resolve } from 'node:path'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true, viewport: { width: 1440, height: 900 } })
test.setTimeout(120_000)

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')

test('an error card and F8 lead to the problem cells, past a text filter and hidden columns', async ({
  importer,
  harness,
}) => {
  const folder = join(harness.filesDir, 'Desk')
  await writeFileTree(folder, Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`p${n}.png`, makePng(40 + n, 30)])))
  const grid = new GridPage(importer)
  const page = grid.page
  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 6, Uploading: 0 })

  // Two rows share an externalId (marked in the hidden Technical column), one has an invalid Rating.
  await grid.type('Desk/p1.png', 'externalId', 'same-id')
  await grid.type('Desk/p2.png', 'externalId', 'same-id')
  await page.getByRole('button', { name: 'Technical columns' }).click()
  await grid.type('Desk/p4.png', 'Rating', '9')
  await grid.expectText('Desk/p4.png', 'Status', 'Needs attention: Rating')

  // An unrelated text filter hides the row.
  await page.getByRole('searchbox', { name: 'Filter rows' }).fill('p0')
  await expect(importer.rows).toHaveCount(1)

  // The card shows it anyway, says so in a chip, selects it and focuses its Rating cell.
  await grid.errorGroup(/Rating/).click()
  const chip = page.getByTestId('issue-chip')
  await expect(chip).toContainText('Showing 1 row with: Rating:')
  await expect(chip).toContainText('cleared the text filter "p0"')
  await expect(importer.rows).toHaveCount(1)
  const rating = importer.row('Desk/p4.png').locator('[role="gridcell"][data-column="metadata.rating"]')
  await expect(rating).toHaveClass(/active/)
  await expect(grid.grid).toBeFocused()
  await expect(grid.grid).toHaveAttribute('aria-activedescendant', (await rating.getAttribute('id')) ?? '')
  await expect(rating.getByRole('tooltip')).toBeVisible()
  await expect(rating.getByRole('tooltip')).toContainText(/Rating/)
  await expect(rating).toBeInViewport()
  await expect(importer.row('Desk/p4.png')).toHaveAttribute('aria-selected', 'true')
  // The row's state is in its accessible name, wherever the Status cell is scrolled.
  await expect(importer.row('Desk/p4.png')).toHaveAttribute('aria-label', 'Desk/p4.png: Needs attention: Rating')
  await page.screenshot({ path: join(SCREENSHOTS, 'error-flow.png') })

  // The chip's ×: every row again, nothing filtered.
  await chip.getByRole('button', { name: /^Remove the filter/ }).click()
  await expect(chip).toHaveCount(0)
  await expect(importer.rows).toHaveCount(6)

  // F8 from the first row: the externalId cells (Technical columns come on), then the Rating; it wraps round.
  await expect(page.getByRole('button', { name: 'Technical columns' })).toHaveAttribute('aria-pressed', 'false')
  await (await grid.cell('Desk/p0.png', 'File')).click()
  const said = page.getByTestId('problem-said')
  const active = () => grid.grid.locator('[role="gridcell"].active')
  const activeAt = async () => {
    const cell = active()
    const path = await cell.locator('xpath=..').locator('[data-column="path"]').innerText()
    return `${path} | ${await cell.getAttribute('data-column')}`
  }
  await grid.press('F8')
  await expect(said).toHaveText(/^Problem 1 of 3: externalId "same-id" .*is also used by 1 other row/)
  expect(await activeAt()).toBe('Desk/p1.png | externalId')
  await expect(page.getByRole('button', { name: 'Technical columns' })).toHaveAttribute('aria-pressed', 'true')
  await expect(active().getByRole('tooltip')).toContainText('same-id')
  await grid.press('F8')
  await expect(said).toHaveText(/^Problem 2 of 3:/)
  expect(await activeAt()).toBe('Desk/p2.png | externalId')
  await grid.press('F8')
  await expect(said).toHaveText(/^Problem 3 of 3: .*/)
  expect(await activeAt()).toBe('Desk/p4.png | metadata.rating')
  await grid.press('F8')
  await expect(said).toHaveText(/^Problem 1 of 3:/)
  await grid.press('Shift+F8')
  await expect(said).toHaveText(/^Problem 3 of 3:/)
  expect(await activeAt()).toBe('Desk/p4.png | metadata.rating')
})
