/**
 * Journey: an editor drops a folder of large clips; uploads start by themselves and the toolbar
 * shows the total. They pause: the sandbox S3 receives no further bytes. While paused they drop
 * another folder, whose file is deleted before the uploads resume. On resume the clips finish;
 * the deleted file's row says which file, what happened and what to do, with "Retry upload".
 * The file is put back, Retry (from the keyboard) uploads it, and the bucket holds all three.
 */
import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { createSandboxS3Client } from '../../src-main/core/sandbox/s3-server'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { bytesOfLength, writeFileTree } from '../support/media/file-tree'
import { GridPage } from '../support/pages/grid-page'

test.use({ withSandbox: true })
test.setTimeout(240_000)

const MB = 1_000_000

/** Every byte the sandbox S3 holds on disk: objects and the parts of unfinished multipart uploads. */
async function bytesOnDisk(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size
  }
  return total
}

test('pause stops the bytes, resume finishes; a file deleted after the scan is retried once put back', async ({
  importer,
  harness,
}, testInfo) => {
  const sandbox = harness.sandbox!
  const s3Dir = join(harness.dataDir, 'sandbox')
  const clips = join(harness.filesDir, 'Clips')
  await writeFileTree(clips, { 'clip-a.bin': bytesOfLength(90 * MB, 0x61), 'clip-b.bin': bytesOfLength(90 * MB, 0x62) })
  const grid = new GridPage(importer)
  const page = importer.page
  const uploads = page.getByRole('group', { name: 'Uploads' })
  const headline = uploads.locator('.upload-headline')

  await importer.drop([clips])
  // Bytes are moving: then pause.
  await expect(headline).toHaveText('Uploading', { timeout: 60_000 })
  await expect(uploads.locator('.upload-detail')).not.toHaveText(/^0 B of/, { timeout: 60_000 })
  await uploads.getByRole('button', { name: 'Pause all' }).click()
  await expect(headline).toHaveText('Uploads paused')
  // Requests aborted by the pause may still be flushing to disk: settle, then nothing more arrives.
  let settled = -1
  await expect
    .poll(
      async () => {
        const before = await bytesOnDisk(s3Dir)
        await page.waitForTimeout(500)
        settled = await bytesOnDisk(s3Dir)
        return settled === before
      },
      { timeout: 20_000, message: 'the sandbox S3 stops receiving bytes' },
    )
    .toBe(true)
  await page.waitForTimeout(1_500)
  expect(await bytesOnDisk(s3Dir), 'no bytes reach the sandbox S3 while paused').toBe(settled)
  await expect(grid.importer.row('Clips/clip-a.bin')).toBeVisible()
  await saveScreenshot(page, testInfo, 'paused')

  // Dropped while paused: it waits; its file goes away before the uploads resume.
  const late = join(harness.filesDir, 'Late', 'late.txt')
  await writeFileTree(join(harness.filesDir, 'Late'), { 'late.txt': 'Late copy for the evening desk.\n' })
  await importer.drop([join(harness.filesDir, 'Late')])
  await importer.waitForScan('done')
  await grid.expectText('Late/late.txt', 'Upload', 'Waiting')
  await rm(late)

  // Resume from the keyboard.
  await uploads.getByRole('button', { name: 'Resume all' }).focus()
  await page.keyboard.press('Enter')
  await expect(headline).toHaveText('Uploads stopped', { timeout: 120_000 })
  await expect(uploads.locator('.upload-detail')).toHaveText('2 of 3 files, 1 failed')
  await grid.expectText('Clips/clip-a.bin', 'Upload', 'Uploaded')
  await grid.expectText('Clips/clip-b.bin', 'Upload', 'Uploaded')
  const cell = await grid.cell('Late/late.txt', 'Upload')
  await expect(cell).toContainText('"late.txt" was moved or deleted since it was scanned. Put it back, then retry.')
  const retry = cell.getByRole('button', { name: 'Retry upload of Late/late.txt' })
  await expect(retry).toBeVisible()
  await saveScreenshot(page, testInfo, 'deleted-file-retry')

  // Put back, then Retry: Enter on the cell moves onto its button, Enter presses it.
  await writeFile(late, 'Late copy for the evening desk.\n')
  // The cell's right edge (its reason text): a click in the middle could land on the button itself.
  const box = await cell.boundingBox()
  await cell.click({ position: { x: (box?.width ?? 10) - 4, y: (box?.height ?? 10) / 2 } })
  await page.keyboard.press('Enter')
  await expect(retry).toBeFocused()
  await page.keyboard.press('Enter')
  await grid.expectText('Late/late.txt', 'Upload', 'Uploaded')
  await expect(headline).toHaveText('Uploads done')
  await expect(uploads.locator('.upload-detail')).toHaveText('3 of 3 files')
  await saveScreenshot(page, testInfo, 'all-uploaded')

  const client = createSandboxS3Client(sandbox.sandbox.s3)
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: sandbox.sandbox.s3.buckets.file }))
    expect(out.KeyCount).toBe(3)
  } finally {
    client.destroy()
  }
})
