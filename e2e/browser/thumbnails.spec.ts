/**
 * Journey: an editor drops an iPhone photo (HEIC, portrait through its irot) and a phone clip
 * (H.264 MP4) and sees real thumbnails for both: loaded images with pixels, not the kind badge.
 * The HEIC is made the way an iPhone stores it: HEVC in a HEIF with the turn in the container.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeHeif, makeImage, makeVideo } from '../../src-main/core/probe/fixtures/generate'
import { addHeifRotation } from '../../src-main/core/probe/fixtures/heif-rotation'
import { expect, test } from '../harness/fixtures'

test.use({ withSandbox: true, withThumbnails: true })
test.setTimeout(120_000)

const DROP = 'From the phone'

test('an iPhone HEIC and an H.264 video show real thumbnails', async ({ importer, harness }) => {
  const folder = join(harness.filesDir, DROP)
  await mkdir(folder, { recursive: true })
  const landscape = await makeImage(join(harness.filesDir, 'landscape.jpg'), 1600, 1200)
  const heic = await makeHeif(landscape, join(harness.filesDir, 'landscape.heic'))
  await writeFile(join(folder, 'IMG_0001.HEIC'), addHeifRotation(await readFile(heic), 1))
  await makeVideo(join(folder, 'IMG_0002.MP4'), {
    seconds: 2,
    width: 320,
    height: 240,
    args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
  })

  await importer.drop([folder])
  await importer.waitForScan('done')
  await expect(importer.rows).toHaveCount(2)
  const preview = (name: string) =>
    importer.row(`${DROP}/${name}`).locator('[role="gridcell"][data-column="thumbnail"]')

  const photo = preview('IMG_0001.HEIC').locator('img')
  await expect(photo).toBeVisible({ timeout: 60_000 })
  // A browser page loads it from its own server; the Electron window from media-thumb: (thumbnail-url.ts).
  await expect(photo).toHaveAttribute('src', /^\/media-thumb\/[0-9a-f]{64}-\d+\.webp$/)
  // Loaded, with pixels, and upright: the irot turns the 1600 × 1200 pixels to portrait.
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight]))
    .toEqual([true, 192, 256])
  await expect(preview('IMG_0001.HEIC').locator('.thumb-none')).toHaveCount(0)

  const poster = preview('IMG_0002.MP4').locator('img')
  await expect(poster).toHaveAttribute('alt', 'Poster frame', { timeout: 60_000 })
  await expect
    .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
  await expect(preview('IMG_0002.MP4').locator('.thumb-none')).toHaveCount(0)
})

test.describe('without ffmpeg', () => {
  test.use({ withFfmpeg: false })

  test('an H.264 video gets its poster frame from the page’s own decoder', async ({ importer, harness }) => {
    const folder = join(harness.filesDir, DROP)
    await mkdir(folder, { recursive: true })
    await makeVideo(join(folder, 'IMG_0003.MP4'), {
      seconds: 2,
      width: 320,
      height: 180,
      args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'],
    })
    await importer.drop([folder])
    await importer.waitForScan('done')
    const cell = importer.row(`${DROP}/IMG_0003.MP4`).locator('[role="gridcell"][data-column="thumbnail"]')
    const poster = cell.locator('img')
    await expect(poster).toHaveAttribute('alt', 'Poster frame', { timeout: 60_000 })
    await expect
      .poll(() => poster.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight]))
      .toEqual([true, 256, 144])
    await expect(cell.locator('.thumb-none')).toHaveCount(0)
  })
})
