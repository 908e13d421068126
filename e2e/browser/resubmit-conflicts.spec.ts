/**
 * Journey: three photos go to a library where another desk already imported externalId desk-1, and
 * whose admin has just made Rating a text property. The pre-flight lookup finds the desk-1 row before
 * anything is sent; the server refuses the rated one. The editor fixes the rating only: "Re-submit
 * failed" counts the one row it will send, and says beside it that the conflict waits for a choice
 * (link, or change the externalId). Re-submitting imports the fixed row and sends nothing for the
 * conflict; changing its externalId then lets it go too.
 */
import { join } from 'node:path'
import { imageAsset } from '../../src-main/core/sandbox/emulator/testing'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(150_000)

const [quay, rated] = ['Desk/quay.png', 'Desk/rated.png'] as const
const waiting = '1 conflict not re-submitted: link it or change its externalId.'

test('re-submit failed sends the fixed rows and says that a pre-flight conflict waits for the editor', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Desk')
  await writeFileTree(folder, {
    'quay.png': makePng(40, 30),
    'rated.png': makePng(41, 30),
    'fine.png': makePng(42, 30),
  })
  await sandbox.seedEntries([
    {
      id: 'other-desk-1',
      mediaType: 'image',
      systemName: 'desk',
      externalId: 'desk-1',
      asset: imageAsset('other'),
      metadata: { title: 'Imported by another desk' },
    },
  ])
  const grid = new GridPage(importer)
  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 3, Uploading: 0 })

  await grid.selectAll()
  await grid.bulkSet('systemName', 'Replace', 'desk')
  await grid.clearSelection()
  await grid.type(quay, 'externalId', 'desk-1')
  await grid.type(rated, 'Rating', '4')
  await sandbox.changeServerConfig((config) => {
    const image = config.mediaTypes.find((t) => t.handle === 'image')!
    image.metadata = image.metadata.map((p) =>
      p.handle === 'rating' ? { handle: 'rating', type: 'li-text', ui: { label: 'Rating' } } : p,
    )
    return config
  })

  expect(await grid.submitAll()).toBe('1 imported, 1 rejected, 1 conflict(s).')
  await grid.expectCounts({ Imported: 1, Failed: 2 })
  const quayRow = () => harness.core.session.snapshot().rows.find((r) => r.relativePath === quay)
  // Found before sending: no attempt was made for it.
  expect(quayRow()).toMatchObject({ status: 'conflict', conflict: { field: 'externalId' } })
  expect(quayRow()?.submitAttempts ?? 0).toBe(0)

  // Only the rated row is fixed: the button counts it alone and says what happens to the conflict.
  await (await grid.cell(rated, 'Rating')).click()
  await grid.press('Delete')
  const resubmit = grid.page.getByRole('button', { name: /^Re-submit failed/ })
  await expect(resubmit).toHaveText('Re-submit failed (1)')
  await expect(resubmit).toHaveAccessibleDescription(waiting)
  await saveScreenshot(grid.page, testInfo, 'conflict-waits')

  expect(await grid.resubmitFailed()).toBe(`1 imported. ${waiting}`)
  await grid.expectCounts({ Imported: 2, Failed: 1 })
  expect(quayRow()).toMatchObject({ status: 'conflict' })
  expect(
    sandbox
      .emulator()
      .entries()
      .some((e) => e.id === quayRow()?.entry?.id),
  ).toBe(false)
  // Nothing left to send: the button is off and the note stays.
  await expect(resubmit).toHaveText('Re-submit failed (0)')
  await expect(resubmit).toBeDisabled()
  await expect(grid.page.locator('#resubmit-waiting')).toHaveText(waiting)

  // A new externalId clears the conflict; the row goes with the next re-submit.
  await grid.type(quay, 'externalId', 'desk-4')
  await expect(resubmit).toHaveText('Re-submit failed (1)')
  await expect(grid.page.locator('#resubmit-waiting')).toHaveCount(0)
  expect(await grid.resubmitFailed()).toBe('1 imported.')
  await grid.expectCounts({ Imported: 3, Failed: 0 })
  expect(sandbox.emulator().entries()).toHaveLength(4)
})
