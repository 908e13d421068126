/**
 * Journey: a row linked to an entry another desk imported ("Link to entry") sends its metadata to
 * that entry (issue #16). "Send this row's metadata to the entry" first shows the fields that would
 * change, library value -> row value (from a lookup of the entry); after the editor's yes it is a
 * PATCH with the entry's version, the row says "Updated", and what only the library held stays.
 */
import { join } from 'node:path'
import { imageAsset } from '../../src-main/core/sandbox/emulator/testing'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(180_000)

test("a linked row shows the fields that would change, then sends its metadata to the library's entry", async ({
  importer,
  harness,
}) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Wire')
  await writeFileTree(folder, { 'one.png': makePng(40, 30) })
  await sandbox.seedEntries([
    {
      id: 'desk-1',
      mediaType: 'image',
      systemName: 'media-importer-sandbox',
      externalId: 'wire-1',
      asset: imageAsset('desk-1'),
      metadata: { title: 'Desk photo', source: 'Desk' },
    },
  ])
  const grid = new GridPage(importer)
  const one = 'Wire/one.png'
  await importer.drop([folder])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 1, Uploading: 0 })
  await grid.type(one, 'externalId', 'wire-1')
  await grid.type(one, 'Title', 'Harbour at dawn')
  expect(await grid.submitAll()).toMatch(/1 conflict/)
  await (await grid.cell(one, 'Status')).getByRole('button', { name: `Link ${one} to library entry desk-1` }).click()
  await grid.expectText(one, 'Media id', 'desk-1')

  const send = (await grid.cell(one, 'Status')).getByRole('button', {
    name: `Send the metadata of ${one} to library entry desk-1`,
  })
  const asked = new Promise<string>((resolve) =>
    grid.page.once('dialog', (dialog) => {
      resolve(dialog.message())
      void dialog.accept()
    }),
  )
  const patches = sandbox.emulator().requests.count('PATCH mediaLibrary/:id')
  await send.click()
  const question = await asked
  expect(question).toMatch(/^Send the metadata of Wire\/one\.png to library entry desk-1\? 1 field changes /)
  expect(question).toContain('• Title: "Desk photo" → "Harbour at dawn"')
  await expect(await grid.cell(one, 'Status')).toContainText('Updated')
  expect(sandbox.emulator().requests.count('PATCH mediaLibrary/:id')).toBe(patches + 1)
  const entry = sandbox
    .emulator()
    .entries()
    .find((e) => e.id === 'desk-1')
  expect(entry).toMatchObject({ version: 2, metadata: { title: 'Harbour at dawn', source: 'Desk' } })
})
