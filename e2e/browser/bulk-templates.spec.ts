/**
 * Journey: bulk editing as a captioning desk does it (issue #20). A shoot where one photo brought
 * its agency credit: "Only where empty" is the default and leaves that credit intact; "Append"
 * adds to a caption; a template ("stationery pad") saved from the bulk panel is applied to a
 * Shift-selected range in one undoable step, after the row count is confirmed; Ctrl+click and the
 * row box toggle rows without clearing the others, Shift+Down extends. Saves the bulk panel's screenshot.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { run, tag, tools } from '../../src-main/core/probe/fixtures/generate'
import { expect, test } from '../harness/fixtures'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true, withThumbnails: true, viewport: { width: 1440, height: 900 } })
test.setTimeout(120_000)

const SHOOT = 'Quay'
const CREDITED = `${SHOOT}/P100.jpg`
const [B, C, D] = ['P101', 'P102', 'P103'].map((n) => `${SHOOT}/${n}.jpg`) as [string, string, string]
const CAPTION = 'Ferries at the landing stage'

async function dropShoot(grid: GridPage, filesDir: string): Promise<void> {
  const folder = join(filesDir, SHOOT)
  await mkdir(folder, { recursive: true })
  for (const [i, colour] of ['steelblue', 'navy', 'teal', 'salmon'].entries()) {
    await run(tools.convert, ['-size', '320x200', `xc:${colour}`, join(folder, `P10${i}.jpg`)])
  }
  await tag(join(folder, 'P100.jpg'), [
    '-XMP-photoshop:Credit=Maren Vogt / Hafenbild',
    `-XMP-dc:Description=${CAPTION}`,
  ])
  await grid.importer.drop([folder])
  await grid.importer.waitForScan('done')
  await expect(grid.importer.rows).toHaveCount(4)
  await grid.sortBy('File')
  await grid.expectText(CREDITED, 'Credit', 'Maren Vogt / Hafenbild')
}

const bulkPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Bulk set' })

async function openBulk(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Bulk set…' }).click()
  return bulkPanel(page)
}

async function expectSelected(grid: GridPage, rows: Record<string, boolean>): Promise<void> {
  for (const [path, selected] of Object.entries(rows)) {
    await expect(grid.importer.row(path), `${path} selected: ${selected}`).toHaveAttribute(
      'aria-selected',
      String(selected),
    )
  }
}

test('only where empty keeps embedded credits, append adds to a caption, a template goes on a Shift-selected range', async ({
  importer,
  harness,
  page,
}) => {
  const grid = new GridPage(importer)
  await dropShoot(grid, harness.filesDir)

  // Every row, Credit: the files brought a credit, so "Only where empty" is what the panel offers.
  await grid.selectAll()
  let panel = await openBulk(page)
  await panel.getByLabel('Column').selectOption({ label: 'Credit' })
  await expect(panel.getByRole('radio', { name: 'Only where empty' })).toBeChecked()
  await panel.getByLabel('Value').fill('Hafenbild Desk')
  await panel.getByRole('button', { name: 'Apply to 4 selected rows' }).click()
  await expect(panel.getByText('Credit: 3 cell(s) changed.')).toBeVisible()
  await panel.getByRole('button', { name: 'Close' }).click()
  await grid.expectText(CREDITED, 'Credit', 'Maren Vogt / Hafenbild')
  for (const path of [B, C, D]) await grid.expectText(path, 'Credit', 'Hafenbild Desk')

  // No row selected: the button counts the range's rows, as many as Apply takes (it said 1 before).
  await grid.clearSelection()
  await grid.selectRange(B, D, 'Credit')
  panel = await openBulk(page)
  await expect(panel.getByRole('button', { name: 'Apply to 3 rows of the range' })).toBeVisible()
  await panel.getByRole('button', { name: 'Close' }).click()

  // A click on the file name selects that one row; Append continues its caption after a space.
  await (await grid.cell(CREDITED, 'File')).click()
  await expectSelected(grid, { [CREDITED]: true, [B]: false })
  panel = await openBulk(page)
  await panel.getByLabel('Column').selectOption({ label: 'Caption' })
  await panel.getByRole('radio', { name: 'Append' }).check()
  await panel.getByLabel('Value').fill('Photo: Maren Vogt')
  await panel.getByRole('button', { name: 'Apply to 1 selected row' }).click()
  await expect(panel.getByText('Caption: 1 cell(s) changed.')).toBeVisible()
  await grid.expectText(CREDITED, 'Caption', `${CAPTION} Photo: Maren Vogt`)

  // A template of two fields, built from the panel one column at a time.
  await panel.getByLabel('Column').selectOption({ label: 'Credit' })
  await panel.getByRole('radio', { name: 'Replace' }).check()
  await panel.getByLabel('Value').fill('AFP')
  await panel.getByLabel('Template name').fill('AFP desk')
  await panel.getByRole('button', { name: 'Save as template' }).click()
  await panel.getByLabel('Column').selectOption({ label: 'Title' })
  await panel.getByRole('radio', { name: 'Append' }).check()
  await panel.getByLabel('Value').fill('(AFP)')
  await panel.getByRole('button', { name: 'Save as template' }).click()
  const pads = panel.getByRole('list', { name: 'Templates of this profile' })
  await expect(pads.getByRole('listitem')).toHaveCount(1)
  await expect(pads.getByRole('listitem')).toContainText('Credit = AFP · Title + (AFP)')
  await pads.scrollIntoViewIfNeeded()
  await mkdir(resolve(__dirname, '../../docs/screenshots'), { recursive: true })
  await page.screenshot({ path: resolve(__dirname, '../../docs/screenshots/bulk-templates.png') })
  await panel.getByRole('button', { name: 'Close' }).click()

  // Shift+click on the file names: the range B..D; Ctrl+click toggles C off and on again.
  await (await grid.cell(B, 'File')).click()
  await (await grid.cell(D, 'File')).click({ modifiers: ['Shift'] })
  await expectSelected(grid, { [CREDITED]: false, [B]: true, [C]: true, [D]: true })
  await (await grid.cell(C, 'Title')).click({ modifiers: ['ControlOrMeta'] })
  await expectSelected(grid, { [B]: true, [C]: false, [D]: true })
  await (await grid.cell(C, 'Title')).click({ modifiers: ['ControlOrMeta'] })
  await expectSelected(grid, { [B]: true, [C]: true, [D]: true })

  // Applied to the three rows once the count is confirmed: one step, and one undo takes it back.
  panel = await openBulk(page)
  await panel.getByRole('button', { name: 'Apply template AFP desk' }).click()
  await panel.getByRole('button', { name: 'Apply to 3 rows' }).click()
  await expect(panel.getByText('"AFP desk": 6 cell(s) changed.')).toBeVisible()
  for (const path of [B, C, D]) {
    await grid.expectText(path, 'Credit', 'AFP')
    await grid.expectText(path, 'Title', /\(AFP\)$/)
  }
  await grid.expectText(CREDITED, 'Credit', 'Maren Vogt / Hafenbild')
  await panel.getByRole('button', { name: 'Close' }).click()
  await grid.grid.focus()
  await grid.press('ControlOrMeta+z')
  for (const path of [B, C, D]) await grid.expectText(path, 'Credit', 'Hafenbild Desk')

  // The row box adds a row without clearing the others; Escape clears them all.
  await importer.row(CREDITED).locator('[role="gridcell"][data-column="select"]').click()
  await expectSelected(grid, { [CREDITED]: true, [B]: true, [C]: true, [D]: true })
  await grid.press('Escape')
  await expectSelected(grid, { [CREDITED]: false, [B]: false, [C]: false, [D]: false })

  // Shift+Down in the row header extends the selection row by row, as in a file list.
  await (await grid.cell(B, 'File')).click()
  await grid.press('Shift+ArrowDown')
  await grid.press('Shift+ArrowDown')
  await expectSelected(grid, { [CREDITED]: false, [B]: true, [C]: true, [D]: true })
})
