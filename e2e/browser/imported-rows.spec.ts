/**
 * An imported row is done: the server holds its entry and it can no longer change
 * (core/editing/edit-rules.ts). It looks so — muted, its picture dimmed — and offers no editor:
 * Enter or typing on it says why at once, instead of opening an editor whose value main refuses.
 * A row not yet imported beside it edits as ever.
 */
import { randomUUID } from 'node:crypto'
import type { Row } from '../../src-main/contract'
import { expect, test } from '../harness/fixtures'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })

const imageRow = (name: string, change: Partial<Row> = {}): Row => ({
  rowId: randomUUID(),
  path: `/Volumes/Desk/${name}`,
  relativePath: `desk/${name}`,
  size: 1000,
  mtimeMs: 0,
  status: 'uploaded',
  kind: 'image',
  mimeType: 'image/jpeg',
  entry: {
    id: `e${randomUUID().replaceAll('-', '').slice(0, 31)}`,
    mediaType: 'image',
    metadata: { title: `Title of ${name}` },
    translations: {},
  },
  ...change,
})

test('an imported row looks read-only and opens no editor; the others still edit', async ({
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
  await expect(title).toHaveAttribute('aria-readonly', 'true')
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

  await title.click()
  await page.keyboard.press('Enter')
  await page.keyboard.type('x')
  await expect(title.locator('.cell-editor')).toHaveCount(0)
  await expect(title).toHaveText('Title of done.jpg')
  await expect(
    page.getByRole('alert').filter({ hasText: 'desk/done.jpg: Already imported (media id m-42)' }),
  ).toHaveCount(1)

  await grid.type('desk/open.jpg', 'Title', 'Harbour at dawn')
  await grid.expectText('desk/open.jpg', 'Title', 'Harbour at dawn')
})
