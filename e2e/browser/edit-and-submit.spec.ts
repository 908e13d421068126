/**
 * Journey: an editor drops a photographer's folder, titles the photos and translates the titles
 * into French in the grid, sets the systemName on all rows at once, fills the externalIds down,
 * and submits to the Sandbox. Meanwhile the project's admin turned "Rating" into a text property
 * on the server, and another import already brought in one of the externalIds: the server
 * refuses exactly those two rows, and the grid pins each refusal on its cell. The editor fixes
 * both, re-submits the failed rows, and the library ends up holding every entry exactly once.
 */
import { join } from 'node:path'
import { imageAsset } from '../../src-main/core/sandbox/emulator/testing'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(180_000)

const photos = ['cranes', 'dawn', 'ferry', 'nets'].map((name) => `Harbour/${name}.png`)
const [cranes, dawn, ferry, nets] = photos as [string, string, string, string]
const titles = [
  'Cranes at the container terminal',
  'Dawn over the outer harbour',
  'The morning ferry',
  'Nets drying on the quay',
]
const french = [
  'Grues au terminal à conteneurs',
  'Aube sur l’avant-port',
  'Le ferry du matin',
  'Filets qui sèchent sur le quai',
]

test('an editor titles, translates and identifies a folder, submits, fixes what the server refused and re-submits', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const folder = join(harness.filesDir, 'Harbour')
  await writeFileTree(
    folder,
    Object.fromEntries(photos.map((p, i) => [p.slice('Harbour/'.length), makePng(40 + i, 30)])),
  )
  // Another import already holds dpa-1003 of the same system.
  await sandbox.seedEntries([
    {
      id: 'elsewhere-1003',
      mediaType: 'image',
      systemName: 'dpa-archive',
      externalId: 'dpa-1003',
      asset: imageAsset('elsewhere'),
      metadata: { title: 'Imported by another desk' },
    },
  ])
  const grid = new GridPage(importer)

  await importer.drop([folder])
  await importer.waitForScan('done')
  // Every photo is read and uploaded before anything is sent (uploads start by themselves).
  await grid.expectCounts({ Ready: 4, Uploading: 0 })
  await grid.sortBy('File')

  // Titles: type over the prefilled file name, Enter moves down to the next photo.
  await (await grid.cell(cranes, 'Title')).click()
  for (const title of titles) {
    await grid.press('Enter')
    await grid.page.keyboard.press('Control+a')
    await grid.page.keyboard.type(title)
    await grid.press('Enter')
  }
  // French titles: type-to-replace in an empty cell.
  for (const [i, path] of photos.entries()) await grid.type(path, 'Title (fr)', french[i] as string)

  await grid.selectAll()
  await grid.bulkSet('systemName', 'Replace', 'dpa-archive')
  await grid.type(cranes, 'externalId', 'dpa-1001')
  await grid.selectRange(cranes, nets, 'externalId')
  await grid.press('Control+d')
  for (const [i, path] of photos.entries()) await grid.expectText(path, 'externalId', `dpa-100${i + 1}`)
  await grid.type(dawn, 'Rating', '4')
  for (const [i, path] of photos.entries()) {
    await grid.expectText(path, 'Title', titles[i] as string)
    await grid.expectText(path, 'Title (fr)', french[i] as string)
    await grid.expectText(path, 'systemName', 'dpa-archive')
  }
  await grid.expectCounts({ Ready: 4, Invalid: 0 })

  // The project's admin makes Rating a text property; the app still has the config it loaded.
  await sandbox.changeServerConfig((config) => {
    const image = config.mediaTypes.find((t) => t.handle === 'image')!
    image.metadata = image.metadata.map((p) =>
      p.handle === 'rating' ? { handle: 'rating', type: 'li-text', ui: { label: 'Rating' } } : p,
    )
    return config
  })

  expect(await grid.submitAll()).toBe('2 imported, 1 rejected, 1 conflict(s).')
  await grid.expectCounts({ Imported: 2, Failed: 2 })
  // Each refusal sits on the cell it is about, and nowhere else.
  await expect
    .poll(async () => (await grid.markedCells()).sort())
    .toEqual([`${dawn} | metadata.rating`, `${ferry} | externalId`])
  await expect(await grid.cell(ferry, 'externalId')).toHaveAttribute(
    'title',
    /library already holds entry elsewhere-1003/,
  )
  await expect(await grid.cell(dawn, 'Rating')).toHaveAttribute('title', /rating/i)
  await expect(grid.errorGroup(/library already holds/)).toContainText('×1')
  // Imported rows show their media ids; their metadata can still be corrected (sent by PATCH),
  // their externalId and translations no longer change.
  await grid.expectText(cranes, 'Media id', /\S+/)
  await expect(await grid.cell(cranes, 'externalId')).toHaveClass(/read-only/)
  await expect(await grid.cell(cranes, 'Title (fr)')).toHaveClass(/read-only/)
  await expect(await grid.cell(cranes, 'Title')).not.toHaveClass(/read-only/)
  // The active cell shows its message under it.
  await (await grid.cell(ferry, 'externalId')).click()
  await expect(grid.page.getByRole('tooltip')).toContainText('library already holds entry elsewhere-1003')
  await saveScreenshot(grid.page, testInfo, 'refused')

  // Fix: one click filters to the conflict; a new externalId; the rating the server no longer takes is cleared.
  await grid.errorGroup(/library already holds/).click()
  await expect(importer.rows).toHaveCount(1)
  await grid.type(ferry, 'externalId', 'dpa-1005')
  await grid.page.getByRole('button', { name: 'Show all rows' }).click()
  await (await grid.cell(dawn, 'Rating')).click()
  await grid.press('Delete')
  await expect.poll(() => grid.markedCells()).toEqual([])

  expect(await grid.resubmitFailed()).toBe('2 imported.')
  await grid.expectCounts({ Imported: 4, Failed: 0, Invalid: 0, Ready: 0 })
  await (await grid.cell(cranes, 'Title (fr)')).click()
  await saveScreenshot(grid.page, testInfo, 'all-imported')
  await grid.page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(grid.page, testInfo, 'all-imported-dark')
  await grid.page.emulateMedia({ colorScheme: 'light' })

  // A corrected title on an imported row: "Update pending", then sent by PATCH on submit.
  await grid.type(cranes, 'Title', 'Cranes at night')
  await grid.expectText(cranes, 'Status', 'Update pending')
  expect(await grid.submitAll()).toBe('1 updated.')
  await grid.expectText(cranes, 'Status', 'Updated')
  const cranesId = harness.core.session.snapshot().rows.find((r) => r.relativePath === cranes)?.result?.mediaId
  expect(
    sandbox
      .emulator()
      .entries()
      .find((e) => e.id === cranesId)?.metadata,
  ).toMatchObject({
    title: 'Cranes at night',
  })

  // The library holds each photo once (plus the other desk's entry), with its French title.
  const entries = sandbox.emulator().entries()
  const rows = harness.core.session.snapshot().rows
  expect(entries).toHaveLength(5)
  for (const row of rows) {
    const stored = entries.filter((e) => e.id === row.entry?.id)
    expect(stored, row.relativePath).toHaveLength(1)
    expect(row.result?.mediaId).toBe(stored[0]?.id)
  }
  const ferryEntry = entries.find((e) => e.externalId === 'dpa-1005') as unknown as {
    systemName: string
    metadata: { title: string }
    translations: { locale: string; metadata: { title: string } }[]
  }
  expect(ferryEntry).toMatchObject({ systemName: 'dpa-archive', metadata: { title: titles[2] } })
  expect(ferryEntry.translations).toEqual([expect.objectContaining({ locale: 'fr', metadata: { title: french[2] } })])
})
