/**
 * Journey: an editor drops the probe's committed fixtures (plus the edge cases a camera card or
 * an agency folder brings: a copy of a photo, a PNG named .jpg, a photo cut off mid-copy, a clip)
 * and sees on each row what the probe found: thumbnails served from the cache through the
 * media-thumb: protocol, a video's poster frame and duration, the extension mismatch, the
 * duplicate's twin, the title that fell back to the file name, and why a broken file cannot be read.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeImage, makeVideo, tag } from '../../src-main/core/probe/fixtures/generate'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/fixtures'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

// Tall enough that all eleven rows are drawn at the default (comfortable) density.
test.use({ withSandbox: true, withThumbnails: true, viewport: { width: 1280, height: 1100 } })
test.setTimeout(120_000)

const FIXTURES = join(__dirname, '../../src-main/core/probe/fixtures')
const DROP = 'Probe fixtures'
const at = (name: string): string => `${DROP}/${name}`

test('every fact the probe found shows on its row', async ({ importer, harness, page }, testInfo) => {
  const folder = join(harness.filesDir, DROP)
  await mkdir(join(folder, 'z-copies'), { recursive: true })
  const media = (await readdir(FIXTURES)).filter((name) => !/\.(ts|sh)$/.test(name))
  for (const name of media) await copyFile(join(FIXTURES, name), join(folder, name))
  // Walk order is depth first by name, so the copy in z-copies is found after its original.
  await copyFile(join(FIXTURES, 'mwg-in-sync.jpg'), join(folder, 'z-copies', 'mwg-in-sync copy.jpg'))
  await writeFile(join(folder, 'mislabeled.jpg'), makePng(32, 24))
  await writeFile(
    join(folder, 'truncated.jpg'),
    (await readFile(join(FIXTURES, 'mwg-exif-wins.jpg'))).subarray(0, 1200),
  )
  await makeVideo(join(folder, 'clip.mp4'), { seconds: 2.5, args: ['-pix_fmt', 'yuv420p'] })
  // An agency photo: a 250-character headline (the title allows 200) and its job id as Object Name.
  const headline = `${'herring '.repeat(31)}ok`
  await tag(await makeImage(join(folder, 'agency.jpg'), 16, 16), [
    `-XMP-photoshop:Headline=${headline}`,
    '-IPTC:ObjectName=01661gdx',
  ])

  await importer.drop([folder])
  await importer.waitForScan('done')
  await expect(importer.rows).toHaveCount(media.length + 5)
  const grid = new GridPage(importer)
  // The Preview column's header is an icon, not a named button: its cells are found by column id.
  const preview = (path: string) => importer.row(path).locator('[role="gridcell"][data-column="thumbnail"]')

  // A photo's thumbnail: made in the background, then loaded by the grid from the cache.
  const photo = preview(at('mwg-in-sync.jpg')).locator('img')
  await expect(photo).toBeVisible({ timeout: 30_000 })
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)
  // A browser page loads it from its own server; the Electron window from media-thumb: (thumbnail-url.ts).
  await expect(photo).toHaveAttribute('src', /^\/media-thumb\/[0-9a-f]{64}-\d+\.webp$/)

  // The clip: a poster frame (ffmpeg is installed here) and its duration on the preview.
  const clip = preview(at('clip.mp4'))
  await expect(clip.locator('.preview-duration')).toHaveText('0:02')
  const poster = clip.locator('img')
  await expect(poster).toHaveAttribute('alt', 'Poster frame', { timeout: 30_000 })
  await expect
    .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)

  // The HEIC: decoded by libheif in WebAssembly, upright (its irot makes it portrait).
  const heic = preview(at('portrait.heic')).locator('img')
  await expect(heic).toBeVisible({ timeout: 30_000 })
  await expect
    .poll(() => heic.evaluate((img: HTMLImageElement) => img.complete && img.naturalHeight > img.naturalWidth))
    .toBe(true)

  // The extension that disagrees with the bytes: a mark on the file's cell, the message on hover.
  const mislabeled = await grid.cell(at('mislabeled.jpg'), 'File')
  await expect(mislabeled).toHaveText(at('mislabeled.jpg'))
  const warning = mislabeled.locator('[data-note="warning"]')
  await expect(warning).toBeVisible()
  await expect(warning).toHaveAttribute(
    'title',
    'Warning: The name says .jpg but the content is PNG (image/png); it is imported as PNG.',
  )
  await expect(mislabeled.locator('.path-notes')).toHaveAttribute('title', /The name says \.jpg/)

  // The byte-identical copy names its twin by path.
  const copy = (await grid.cell(at('z-copies/mwg-in-sync copy.jpg'), 'File')).locator('[data-note="duplicate"]')
  await expect(copy).toHaveAttribute('title', `Duplicate: byte-identical to ${at('mwg-in-sync.jpg')}`)
  await expect((await grid.cell(at('mwg-in-sync.jpg'), 'File')).locator('[data-note]')).toHaveCount(0)

  // A title that came from the file name says so; one read from the file does not.
  const fallback = await grid.cell(at('mislabeled.jpg'), 'Title')
  await expect(fallback).toHaveText('mislabeled')
  await expect(fallback.locator('.fallback-mark')).toHaveAttribute('title', /Taken from the file name/)
  const embedded = await grid.cell(at('mwg-in-sync.jpg'), 'Title')
  await expect(embedded).not.toHaveText('')
  await expect(embedded.locator('.fallback-mark')).toHaveCount(0)
  // Each prefilled cell says on hover where its value was read.
  await expect(embedded).toHaveAttribute('title', 'From XMP dc:title (mapping "Title").')
  // The Headline beats the job id, shortened at a word to the title's 200 characters and marked.
  const agency = await grid.cell(at('agency.jpg'), 'Title')
  await expect(agency.locator('.fallback-text')).toHaveText(/^herring herring .* herring…$/)
  await expect(agency.locator('.fallback-mark')).toHaveAttribute(
    'title',
    'From XMP photoshop:Headline (mapping "Headline"), shortened from 250 characters to fit.',
  )
  await expect(await grid.cell(at('agency.jpg'), 'Status')).not.toContainText(/title/i)

  // The cut-off photo: the problem in its status and in the error mark.
  const status = await grid.cell(at('truncated.jpg'), 'Status')
  // (The status cell may also offer a way out, such as importing the bytes as a file.)
  await expect(status).toContainText(/Cannot be read: .+/)
  // The cell shows the first sentence; its tooltip has the reason in full.
  const tooltip = (await status.getAttribute('title')) ?? ''
  // The Status tooltip ends with the ways out ("What to do: Import as file."); the mark has the reason.
  expect(tooltip).toMatch(/What to do: Import as file\.$/)
  const reason = tooltip.replace(/ What to do: .*$/, '')
  expect(reason).not.toBe('')
  const error = (await grid.cell(at('truncated.jpg'), 'File')).locator('[data-note="error"]')
  await expect(error).toHaveAttribute('title', `Cannot be imported as it is: ${reason}`)
  // The video without an index says why too.
  await expect(await grid.cell(at('no-index.mp4'), 'Status')).toContainText(/Cannot be read: .*index/i)

  // The marks' labels are drawn, not text: the cell still reads as its path.
  expect(await warning.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Warning"')

  await grid.cell(at('mislabeled.jpg'), 'File')
  await saveScreenshot(page, testInfo, 'probe-facts')
})
