/**
 * An imported row is done: the server holds its entry. It looks so — muted, its picture dimmed —
 * until the editor starts a correction: its metadata cells still open an editor (the change goes
 * by PATCH, core/updater; edit-and-submit.spec.ts follows one to "Updated"), while a cell main
 * would refuse (a translation: the API cannot change one) opens none and says why at once.
 * A row not yet imported beside it edits as ever.
 */
import type { Row } from '../../src-main/contract'
import { expect, test } from '../harness/fixtures'
import { GridPage } from '../support/pages/grid-page'
import { uploadedImageRow } from '../support/image-rows'

test.use({ withSandbox: true })

const imageRow = (name: string, change: Partial<Row> = {}): Row => uploadedImageRow('Desk', name, change)

test('an imported row looks done until a correction starts; cells it cannot change say why; the others still edit', async ({
  importer,
  harness,
  page,
}) => {
  const grid = new GridPage(importer)
  const open = imageRow('open.jpg')
  const done = imageRow('done.jpg', { status: 'imported', result: { mediaId: 'm-42', record: {} } })
  harness.core.session.upsertRows([open, done])
  harness.core.session.flush()
  await expect(importer.row('desk/done.jpg')).toHaveAttribute('data-imported', '')
  await expect(importer.row('desk/open.jpg')).not.toHaveAttribute('data-imported')

  const title = await grid.cell('desk/done.jpg', 'Title')
  const muted = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--fg-muted').trim())
  const rgb = await page.evaluate((colour) => {
    const probe = document.createElement('span')
    probe.style.color = colour
    document.body.append(probe)
    const value = getComputedStyle(probe).color
    probe.remove()
    return value
  }, muted)
  await expect(title).toHaveCSS('color', rgb)

  // A translation of an imported row: no editor, and the reason at once.
  const french = await grid.cell('desk/done.jpg', 'Title (fr)')
  await expect(french).toHaveAttribute('aria-readonly', 'true')
  await french.click()
  await page.keyboard.press('Enter')
  await page.keyboard.type('x')
  await expect(french.locator('.cell-editor')).toHaveCount(0)
  await expect(
    page.getByRole('alert').filter({
      hasText:
        "desk/done.jpg: Already imported (media id m-42): Livingdocs offers no way to change a translation's metadata",
    }),
  ).toHaveCount(1)

  // Its title starts a correction: the editor opens (the cell found again: the grid scrolled sideways).
  const correcting = await grid.cell('desk/done.jpg', 'Title')
  await expect(correcting).not.toHaveAttribute('aria-readonly', 'true')
  await correcting.click()
  await page.keyboard.press('Enter')
  await expect(correcting.locator('.cell-editor')).toHaveCount(1)
  await page.keyboard.press('Escape')

  await grid.type('desk/open.jpg', 'Title', 'Harbour at dawn')
  await grid.expectText('desk/open.jpg', 'Title', 'Harbour at dawn')
})
