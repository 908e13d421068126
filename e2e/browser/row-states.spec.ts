/**
 * Journey (issue #17): every row tells the truth about its state. The server answers 503 to every
 * try of a submit: each sent row reads "Failed" with the server's reason (before, they read
 * "Uploaded" while the counts said Failed), the reason is in the Status tooltip, the Errors cell
 * and an error card. "Re-submit" on a row, then "Re-submit failed", import them with exactly one
 * entry each. A row with an invalid cell reads "Needs attention" and is not sent.
 */
import { join } from 'node:path'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(150_000)

const sent = ['Desk/a.png', 'Desk/b.png', 'Desk/c.png'] as const
const invalid = 'Desk/rated.png'

test('a submit that fails on every try leaves each row "Failed" with the reason; Re-submit imports each once', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Desk')
  await writeFileTree(folder, {
    'a.png': makePng(40, 30),
    'b.png': makePng(41, 30),
    'c.png': makePng(42, 30),
    'rated.png': makePng(43, 30),
  })
  const grid = new GridPage(importer)
  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 4, Uploading: 0 })
  for (const path of sent) await grid.expectText(path, 'Status', 'Ready')

  // An invalid cell: its row says so in its Status, not "Uploaded".
  await grid.type(invalid, 'Rating', '9')
  await grid.expectText(invalid, 'Status', 'Needs attention: Rating')

  // Every try of the submit gets a 503 (the importer tries 6 times, then gives up).
  const emulator = sandbox.emulator()
  for (let i = 0; i < 6; i++) emulator.faults.push({ status: 503 })
  await grid.submitAll()
  expect(emulator.faults.pending()).toBe(0)
  await grid.expectCounts({ Failed: 3, Invalid: 1, Imported: 0 })
  for (const path of sent) {
    const status = await grid.cell(path, 'Status')
    // The cell also holds the row's "Re-submit" button; the state follows it.
    await expect(status.locator('.choice-status')).toHaveText(/^Failed: .*503.*\(6 tries\)$/)
    await expect(status).toHaveAttribute('title', /503.*Gave up after 6 attempt/s)
    await expect(await grid.cell(path, 'Errors')).toContainText('503')
  }
  await expect(grid.errorGroup(/503/)).toContainText('×3')
  await grid.expectText(invalid, 'Status', 'Needs attention: Rating')
  await saveScreenshot(grid.page, testInfo, 'failed-rows')

  // Re-submit on the row: that one goes again with its entry id and is imported.
  const [first] = sent
  await (await grid.cell(first, 'Status')).getByRole('button', { name: `Re-submit ${first}` }).click()
  await grid.expectText(first, 'Status', 'Imported')
  await grid.expectCounts({ Failed: 2, Imported: 1 })

  // "Re-submit failed": the other two go again; one entry each, the invalid row stays.
  expect(await grid.resubmitFailed()).toBe('2 imported.')
  await grid.expectCounts({ Imported: 3, Failed: 0, Invalid: 1 })
  for (const path of sent) await grid.expectText(path, 'Status', 'Imported')
  await expect(grid.errorGroup(/503/)).toHaveCount(0)
  const entries = emulator.entries()
  expect(entries).toHaveLength(3)
  expect(new Set(entries.map((e) => e.id)).size).toBe(3)
  const rows = harness.core.session.snapshot().rows.filter((r) => (sent as readonly string[]).includes(r.relativePath))
  expect(rows.map((r) => r.result?.mediaId).sort()).toEqual(entries.map((e) => e.id).sort())
  await grid.expectText(invalid, 'Status', 'Needs attention: Rating')
})
