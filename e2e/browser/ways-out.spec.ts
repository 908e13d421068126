/**
 * Journeys (issue #17): every problem has a way out, on the row and on the card for many rows.
 * (a) A video the app reads no duration from (Matroska written to a pipe states none) offers
 *     "Import as file" on its row, and ends imported as a file.
 * (b) Two titles too long: the card shortens both after asking "Shorten 2 values?"; each is cut
 *     at a word and marked shortened. Two rows share an externalId: "Change the externalId" on
 *     the row opens its externalId cell for typing (the Technical columns come on), and the new
 *     value clears both rows.
 */
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(150_000)

/** A VP8 clip in Matroska written to a pipe: the muxer cannot seek back to write the duration. */
function clipWithoutDuration(): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-f',
      'lavfi',
      // The length in the source, not `-t`: with `-t` the muxer knows it and writes it up front.
      '-i',
      'testsrc=duration=1:size=64x48:rate=10',
      '-c:v',
      'libvpx',
      '-f',
      'matroska',
      'pipe:1',
    ],
    { maxBuffer: 8 << 20 },
  )
}

test('a video without a duration offers "Import as file" and ends imported as a file', async ({
  importer,
  harness,
}) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Clips')
  await writeFileTree(folder, { 'still.png': makePng(40, 30) })
  await writeFile(join(folder, 'clip.mkv'), clipWithoutDuration())
  const grid = new GridPage(importer)
  const clip = 'Clips/clip.mkv'

  await importer.drop([folder])
  await importer.waitForScan('done')
  const status = await grid.cell(clip, 'Status')
  const asFile = status.getByRole('button', { name: `Import ${clip} as a file` })
  await expect(asFile).toHaveText('Import as file')
  await expect(grid.errorGroup(/Import damaged files and videos without duration as files/)).toContainText('×1')

  // One row, one click: nothing to confirm.
  await asFile.click()
  await grid.expectText(clip, 'Kind', 'File')
  await grid.expectCounts({ Ready: 2, Uploading: 0 })
  expect(await grid.submitAll()).toBe('2 imported.')
  await grid.expectText(clip, 'Status', 'Imported')
  const row = harness.core.session.snapshot().rows.find((r) => r.relativePath === clip)
  const entries = sandbox.emulator().entries()
  expect(entries).toHaveLength(2)
  expect(entries.find((e) => e.id === row?.entry?.id)).toMatchObject({
    mediaType: 'file',
    asset: { filename: 'clip.mkv' },
  })
})

test('"Shorten" on the card cuts every title too long; "Change the externalId" opens its cell', async ({
  importer,
  harness,
}) => {
  const folder = join(harness.filesDir, 'Desk')
  await writeFileTree(folder, Object.fromEntries([0, 1, 2, 3].map((n) => [`p${n}.png`, makePng(40 + n, 30)])))
  const grid = new GridPage(importer)
  const page = grid.page
  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 4, Uploading: 0 })

  // The Sandbox's title takes 200 characters.
  const long = `${'Harbour cranes at dawn '.repeat(10)}end`
  // Pasted as two lines of a spreadsheet: one title each.
  await (await grid.cell('Desk/p0.png', 'Title')).click()
  await grid.paste(`${long}\n${long}\n`)
  for (const path of ['Desk/p0.png', 'Desk/p1.png']) await grid.expectText(path, 'Status', /Needs attention: Title/)
  const p0 = await grid.cell('Desk/p0.png', 'Status')
  await expect(p0.getByRole('button', { name: /^Shorten the value of Desk\/p0.png/ })).toHaveText('Shorten')

  const card = grid.errorGroup(/Shorten every value too long/)
  await expect(card).toContainText('×2')
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message())
      void dialog.accept()
    }),
  )
  await card.click()
  expect(await asked).toMatch(/^Shorten 2 values\?/)
  await grid.expectCounts({ Ready: 4, Invalid: 0 })
  for (const path of ['Desk/p0.png', 'Desk/p1.png']) {
    const title = await grid.cell(path, 'Title')
    await expect(title).toHaveText(/ cranes…$/)
    await expect(title.locator('.fallback-mark')).toHaveAttribute('data-label', 'shortened')
    await expect(title.locator('.fallback-value')).toHaveAttribute('aria-description', /Shortened from 233 characters/)
  }
  await expect(card).toHaveCount(0)

  // Two rows share an externalId; the Technical columns are off again.
  await grid.type('Desk/p2.png', 'externalId', 'same-id')
  await grid.type('Desk/p3.png', 'externalId', 'same-id')
  await page.getByRole('button', { name: 'Technical columns' }).click()
  await grid.expectText('Desk/p3.png', 'Status', /Needs attention: externalId/)
  // By keyboard: Enter on the Status cell moves onto its first way out, Enter takes it.
  await (await grid.cell('Desk/p3.png', 'Status')).click()
  await grid.press('Enter')
  await expect(page.getByRole('button', { name: 'Change the externalId of Desk/p3.png' })).toBeFocused()
  await grid.press('Enter')
  const editor = importer.row('Desk/p3.png').locator('[data-column="externalId"]').getByRole('textbox')
  await expect(editor).toBeFocused()
  await expect(page.getByRole('button', { name: 'Technical columns' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('other-id')
  await page.keyboard.press('Enter')
  await grid.expectCounts({ Ready: 4, Invalid: 0 })
  await grid.expectText('Desk/p3.png', 'externalId', 'other-id')
})
