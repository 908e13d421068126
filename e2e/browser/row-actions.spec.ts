/**
 * Journeys: a row's ways out, against the Sandbox.
 * (a) Two photos carry externalIds another desk already imported. The pre-flight lookup turns
 *     both into conflicts naming the library's entry; the editor links one to that entry (it is
 *     imported with the existing media id, nothing is sent, the library still holds one entry)
 *     and gives the other a new externalId, which then submits. Its media id opens the Sandbox's
 *     editor page through the host, by mouse and by keyboard.
 * (b) A truncated JPEG shows its error; "Import as file" (from the error panel, for every such
 *     row) makes it a file row that uploads and imports as the project's file type.
 */
import { join } from 'node:path'
import { makeImage, truncateTo } from '../../src-main/core/probe/fixtures/generate'
import { imageAsset } from '../../src-main/core/sandbox/emulator/testing'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(180_000)

const SYSTEM = 'media-importer-sandbox'

test('a conflict row is linked to the library entry, another fixed by a new externalId; the media id opens Livingdocs', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Wire')
  await writeFileTree(folder, { 'one.png': makePng(40, 30), 'two.png': makePng(41, 30), 'three.png': makePng(42, 30) })
  // Another desk already imported wire-1 and wire-2 of the same system.
  await sandbox.seedEntries(
    [1, 2].map((n) => ({
      id: `desk-${n}`,
      mediaType: 'image',
      systemName: SYSTEM,
      externalId: `wire-${n}`,
      asset: imageAsset(`desk-${n}`),
      metadata: { title: `Desk photo ${n}` },
    })),
  )
  const grid = new GridPage(importer)
  const [one, two, three] = ['Wire/one.png', 'Wire/two.png', 'Wire/three.png'] as const

  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 3, Uploading: 0 })
  await grid.type(one, 'externalId', 'wire-1')
  await grid.type(two, 'externalId', 'wire-2')

  expect(await grid.submitAll()).toMatch(/1 imported.*2 conflict/)
  const status = await grid.cell(one, 'Status')
  const link = status.getByRole('button', { name: `Link ${one} to library entry desk-1` })
  await expect(link).toHaveText('Link to entry desk-1')
  await expect(status.getByRole('button', { name: `Change the externalId of ${one}` })).toBeVisible()
  await expect(grid.errorGroup(/Link each conflict to the entry the library holds/)).toContainText('×2')
  await saveScreenshot(grid.page, testInfo, 'conflicts')

  // Link: imported with the existing media id; nothing was sent for it.
  const posts = sandbox.emulator().requests.count('POST import/mediaLibrary')
  await link.click()
  await grid.expectText(one, 'Media id', 'desk-1')
  const linked = await grid.cell(one, 'Status')
  await expect(linked.locator('.choice-status')).toHaveText(/^Already in the library/)
  // Linked: it may send its own metadata to that entry (linked-push.spec.ts follows it).
  await expect(linked.getByRole('button')).toHaveText(["Send this row's metadata to the entry"])
  expect(sandbox.emulator().requests.count('POST import/mediaLibrary')).toBe(posts)
  expect(
    sandbox
      .emulator()
      .entries()
      .filter((e) => e.externalId === 'wire-1'),
  ).toHaveLength(1)

  // The other: a new externalId clears the conflict, and it goes with the re-submit.
  await grid.type(two, 'externalId', 'wire-20')
  await expect((await grid.cell(two, 'Status')).getByRole('button')).toHaveCount(0)
  expect(await grid.resubmitFailed()).toBe('1 imported.')
  await grid.expectCounts({ Imported: 3, Failed: 0, Ready: 0 })
  const entries = sandbox.emulator().entries()
  expect(entries).toHaveLength(4)
  expect(entries.filter((e) => e.externalId === 'wire-2').map((e) => e.id)).toEqual(['desk-2'])
  const twoRow = harness.core.session.snapshot().rows.find((r) => r.relativePath === two)
  expect(entries.find((e) => e.externalId === 'wire-20')?.id).toBe(twoRow?.entry?.id)

  // Open in Livingdocs: main builds the URL from the Sandbox profile, the host opens it.
  const editorPage = (id: string) => `${sandbox.sandbox.livingdocsUrl}/editor/media-library/${id}`
  await (await grid.cell(one, 'Media id')).getByRole('button', { name: 'Open entry desk-1 in Livingdocs' }).click()
  await expect.poll(() => harness.opened).toEqual([editorPage('desk-1')])
  const page = await fetch(editorPage('desk-1'))
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).toContain('<h1>Desk photo 1</h1>')
  expect(html).toContain('<td>wire-1</td>')
  // By keyboard: Enter on the cell moves onto its link, Enter opens it.
  const threeId = harness.core.session.snapshot().rows.find((r) => r.relativePath === three)?.result?.mediaId ?? ''
  const cell = await grid.cell(three, 'Media id')
  // The cell's padding, not its link: the cell becomes active and nothing opens.
  await cell.click({ position: { x: 3, y: 3 } })
  await grid.grid.focus()
  expect(harness.opened).toEqual([editorPage('desk-1')])
  await grid.press('Enter')
  await expect(cell.getByRole('button', { name: `Open entry ${threeId} in Livingdocs` })).toBeFocused()
  // Moving onto the link opens nothing yet.
  expect(harness.opened).toEqual([editorPage('desk-1')])
  await grid.press('Enter')
  await expect.poll(() => harness.opened).toEqual([editorPage('desk-1'), editorPage(threeId)])
  expect((await fetch(editorPage(threeId))).status).toBe(200)
  await grid.press('Escape')
  await expect(grid.grid).toBeFocused()
  await saveScreenshot(grid.page, testInfo, 'linked-and-imported')
})

test('a truncated JPEG is imported as a file from the error panel, uploaded and imported', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Damaged')
  await writeFileTree(folder, { 'fine.png': makePng(40, 30) })
  const whole = await makeImage(join(harness.filesDir, 'whole.jpg'), 64, 64, ['-quality', '90', '+noise', 'Random'])
  await truncateTo(whole, 2000, join(folder, 'cut.jpg'))
  const grid = new GridPage(importer)
  const cut = 'Damaged/cut.jpg'

  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 1, Uploading: 0 })
  const status = await grid.cell(cut, 'Status')
  await expect(status).toContainText(/Truncated JPEG/)
  await expect(status.getByRole('button', { name: `Import ${cut} as a file` })).toHaveText('Import as file')
  const group = grid.errorGroup(/Import damaged files and videos without duration as files/)
  await expect(group).toContainText('×1')
  await saveScreenshot(grid.page, testInfo, 'truncated')

  // A choice for many rows asks first, with the count.
  const asked = new Promise<string>((resolve) =>
    grid.page.once('dialog', (dialog) => {
      resolve(dialog.message())
      void dialog.accept()
    }),
  )
  await group.click()
  expect(await asked).toMatch(/^Import 1 row as plain files\?/)
  await expect(group).toHaveCount(0)
  await grid.expectText(cut, 'Kind', 'File')
  await grid.expectCounts({ Ready: 2, Uploading: 0 })
  expect(await grid.submitAll()).toBe('2 imported.')
  await grid.expectCounts({ Imported: 2, Failed: 0 })
  const row = harness.core.session.snapshot().rows.find((r) => r.relativePath === cut)
  expect(row?.warnings?.at(-1)?.message).toMatch(/^Imported as a file: Truncated JPEG/)
  const entry = sandbox
    .emulator()
    .entries()
    .find((e) => e.id === row?.entry?.id)
  expect(entry).toMatchObject({ mediaType: 'file', asset: { mimeType: 'image/jpeg', size: 2000, filename: 'cut.jpg' } })
  await saveScreenshot(grid.page, testInfo, 'imported-as-file')
})
