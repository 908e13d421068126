/**
 * A typed value shows at once and main has the last word: the cell shows what was typed (marked
 * pending) until main's patch confirms it, and a value main refuses falls back to main's value
 * with the reason on the cell.
 */
import type { Row } from '../../src-main/contract'
import { expect, test } from '../harness/fixtures'
import { GridPage } from '../support/pages/grid-page'
import { uploadedImageRow } from '../support/image-rows'

test.use({ withSandbox: true })

const imageRow = (name: string, change: Partial<Row> = {}): Row => uploadedImageRow('Agency', name, change)

test('a typed title shows at once and is confirmed by main; an entry id main refuses falls back and says why', async ({
  importer,
  harness,
}) => {
  const grid = new GridPage(importer)
  const fresh = imageRow('fresh.jpg')
  // Sent once already and refused: its entry id must stay as it was (no duplicate on re-submit).
  const sent = imageRow('sent.jpg', { status: 'rejected', submitAttempts: 1 })
  harness.core.session.upsertRows([fresh, sent])
  harness.core.session.flush()
  await expect(importer.row('agency/sent.jpg')).toBeVisible()

  await grid.type('agency/fresh.jpg', 'Title', 'Harbour at dawn')
  const title = await grid.cell('agency/fresh.jpg', 'Title')
  await expect(title).toHaveText('Harbour at dawn')
  await expect(title).not.toHaveAttribute('data-pending')
  expect(harness.core.session.getRow(fresh.rowId)?.entry?.metadata.title).toBe('Harbour at dawn')

  const originalId = sent.entry?.id ?? ''
  await grid.type('agency/sent.jpg', 'Entry id', 'e0000000000000000000000000000001')
  const id = await grid.cell('agency/sent.jpg', 'Entry id')
  // Main's value again, and why, under the cell while it is the active one (and on hover).
  await expect(id).toContainText(originalId)
  await expect(id).not.toContainText('e0000000000000000000000000000001')
  await expect(id).not.toHaveAttribute('data-pending')
  await expect(id).toHaveAttribute('aria-invalid', 'true')
  await expect(id.getByRole('tooltip')).toHaveText(/^Not changed: The entry id .* was already sent to the server/)
  await expect(id).toHaveAttribute('title', /Not changed: The entry id/)
  expect(harness.core.session.getRow(sent.rowId)?.entry?.id).toBe(originalId)
})
