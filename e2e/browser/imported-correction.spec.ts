/**
 * An imported row is read-only to the eye and to a screen reader until the editor starts a
 * correction (issue #20): a stray key opens the editor and Escape leaves the title unchanged,
 * Delete leaves it and says why, and Enter then typing starts the
 * correction, which makes the row "Update pending" and no longer muted.
 */
import { randomUUID } from 'node:crypto'
import type { Row } from '../../src-main/contract'
import { expect, test } from '../harness/fixtures'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })

const done: Row = {
  rowId: randomUUID(),
  path: '/Volumes/Desk/done.jpg',
  relativePath: 'desk/done.jpg',
  size: 1000,
  mtimeMs: 0,
  status: 'imported',
  kind: 'image',
  mimeType: 'image/jpeg',
  entry: {
    id: `e${randomUUID().replaceAll('-', '').slice(0, 31)}`,
    mediaType: 'image',
    metadata: { title: 'Harbour' },
    translations: {},
  },
  result: { mediaId: 'm-7', record: {} },
}

test('an imported row takes no accidental edit, and the first deliberate one starts its correction', async ({
  importer,
  harness,
  page,
}) => {
  const grid = new GridPage(importer)
  harness.core.session.upsertRows([done])
  harness.core.session.flush()
  const row = importer.row('desk/done.jpg')
  await expect(row).toHaveAttribute('data-imported', '')
  await expect(row).toHaveAccessibleDescription(/^Imported, read-only: press Enter or type/)

  // A stray key opens the editor; Escape leaves all as it was.
  const title = await grid.cell('desk/done.jpg', 'Title')
  await title.click()
  await page.keyboard.press('x')
  await expect(title.getByRole('textbox')).toHaveValue('x')
  await page.keyboard.press('Escape')
  await grid.expectText('desk/done.jpg', 'Title', 'Harbour')

  // Delete does not start a correction either.
  await page.keyboard.press('Delete')
  await expect(page.getByRole('alert').filter({ hasText: '1 imported row(s) not cleared' })).toHaveCount(1)
  await grid.expectText('desk/done.jpg', 'Title', 'Harbour')

  // Enter, then typing: the correction starts, and the row is no longer shown as done.
  await page.keyboard.press('Enter')
  await page.keyboard.type(' at dawn')
  await page.keyboard.press('Enter')
  await grid.expectText('desk/done.jpg', 'Title', 'Harbour at dawn')
  await expect(row.locator('[role="gridcell"][data-column="status"]')).toContainText('Update pending')
  await expect(row).not.toHaveAttribute('data-imported')
})
