/**
 * Journey: a captioning desk at 1440×900. The first screen shows what an editor works with —
 * a picture of at least 64 px, the file with its pixel size, Title, Caption, Credit and the row's
 * state, which stays at the right edge however far the editor scrolls sideways — while the
 * technical columns wait one click away and stay as chosen after a restart; hovering a thumbnail
 * shows it larger without moving anything; Space opens the preview pane for the active row,
 * the arrow keys walk the rows with it open, and it says what the file's embedded metadata held
 * and what the prefill made of it. Runs the real `media-import ui` on its Sandbox with the shoot's
 * folder, so the README's screenshots (docs/screenshots/) show what a user of the command sees.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../harness/ui-fixtures'
import { at, header, loadedThumb, openDesk, PICTURES } from '../support/desk'
import type { ImporterPage } from '../support/pages/importer-page'

const VIEWPORT = { width: 1440, height: 900 }
test.use({ viewport: VIEWPORT })
test.setTimeout(180_000)

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
/** The element's box lies wholly inside the first viewport (no scrolling, sideways or down). */
async function expectInFirstViewport(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox()
  expect(box, `${what} is drawn`).not.toBeNull()
  const { x, y, width, height } = box!
  expect(x, `${what} starts inside the window`).toBeGreaterThanOrEqual(0)
  expect(y, `${what} starts inside the window`).toBeGreaterThanOrEqual(0)
  expect(x + width, `${what} ends inside the window's width`).toBeLessThanOrEqual(VIEWPORT.width)
  expect(y + height, `${what} ends inside the window's height`).toBeLessThanOrEqual(VIEWPORT.height)
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: false })
}

/** The Status column is held at the grid's right edge: its header ends where the grid's view ends. */
async function expectStatusAtRightEdge(importer: ImporterPage, what: string): Promise<void> {
  const status = header(importer, 'Status')
  await expectInFirstViewport(status, `the Status header ${what}`)
  const edge = await importer.grid.evaluate((g) => g.getBoundingClientRect().left + g.clientWidth)
  const box = (await status.boundingBox())!
  expect(Math.abs(box.x + box.width - edge), `the Status header ${what} ends at the grid's edge`).toBeLessThanOrEqual(1)
  const cell = importer.row(at('DSC_0412.jpg')).locator('[role="gridcell"][data-column="status"]')
  await expectInFirstViewport(cell, `the first row's state ${what}`)
}

/** The grid's focus shows on the active cell, not as a frame around the whole grid (WCAG 2.4.7). */
async function expectFocusOnActiveCell(importer: ImporterPage): Promise<void> {
  await expect(importer.grid).toBeFocused()
  expect(await importer.grid.evaluate((g) => getComputedStyle(g).outlineStyle)).toBe('none')
  const active = importer.grid.locator('[role="gridcell"].active')
  await expect(active).toHaveCount(1)
  const ring = await active.evaluate((c) => {
    const style = getComputedStyle(c)
    return { style: style.outlineStyle, width: style.outlineWidth, colour: style.outlineColor }
  })
  expect(ring).toMatchObject({ style: 'solid', width: '2px' })
  return expect(ring.colour, 'the accent ring, not the muted one of an unfocused grid').toBe('rgb(31, 111, 235)')
}

test('the first screen at 1440×900 holds the picture, the file, Title, Caption, Credit and the state', async ({
  ui,
  page,
}) => {
  const { importer } = await openDesk(ui)
  for (const p of PICTURES) await loadedThumb(importer, p.name)
  const thumb = await loadedThumb(importer, 'DSC_0412.jpg')

  await expectInFirstViewport(header(importer, 'Title'), 'the Title header')
  await expectInFirstViewport(header(importer, 'Caption'), 'the Caption header')
  await expectInFirstViewport(header(importer, 'Credit'), 'the Credit header')
  await expectInFirstViewport(thumb, 'the first row’s preview')
  const box = (await thumb.boundingBox())!
  expect(Math.min(box.width, box.height), 'the preview’s shorter side').toBeGreaterThanOrEqual(64)
  await expectStatusAtRightEdge(importer, 'at first')
  // A credit is a line of a name, a caption wraps: each column as wide as what it holds.
  const widthOf = async (label: string) => (await header(importer, label).boundingBox())!.width
  expect(await widthOf('Credit')).toBeLessThanOrEqual(200)
  expect(await widthOf('Caption')).toBeGreaterThan(await widthOf('Title'))

  // The file's facts under its name; the cell's text (and name) stays the path.
  const file = importer.row(at('DSC_0412.jpg')).locator('[role="gridcell"][data-column="path"]')
  await expect(file).toHaveText(at('DSC_0412.jpg'))
  await expect(file.locator('.path-facts')).toHaveAttribute('data-facts', /^1800 × 1200 · \d+(\.\d)? kB$/)
  await expect(importer.row(at('MVI_0425.mp4')).locator('.path-facts')).toHaveAttribute(
    'data-facts',
    /^0:03 · 640 × 360 · /,
  )

  // The technical columns are one click away, and off by default.
  for (const label of ['Entry id', 'systemName', 'externalId', 'Kind', 'Size', 'Upload', 'Media type'])
    await expect(header(importer, label), label).toHaveCount(0)
  // A field only files have (the Sandbox's Description) takes no room in a shoot of photos and a clip.
  await expect(header(importer, 'Description'), 'a file’s field, with no file dropped').toHaveCount(0)
  await expect(header(importer, 'Description (de)')).toHaveCount(0)
  await screenshot(page, 'default-layout.png')

  // Scrolled sideways to the far end, the state is still at the right edge, and the file at the left.
  await importer.grid.evaluate((g) => g.scrollTo({ left: g.scrollWidth }))
  await expect.poll(() => importer.grid.evaluate((g) => g.scrollLeft)).toBeGreaterThan(0)
  await expect(header(importer, 'Errors')).toBeVisible()
  await expectStatusAtRightEdge(importer, 'scrolled to the end')
  await expectInFirstViewport(header(importer, 'File'), 'the File header scrolled to the end')
  await importer.grid.evaluate((g) => g.scrollTo({ left: 0 }))

  // Hover zoom: a larger picture beside the thumbnail, and the row does not move.
  const title = importer.row(at('DSC_0412.jpg')).locator('[role="gridcell"][data-column="metadata.title"]')
  const before = await title.boundingBox()
  await thumb.hover()
  const zoom = page.locator('.thumb-zoom img')
  await expect(zoom).toBeVisible()
  expect((await zoom.boundingBox())!.width).toBeGreaterThan(box.width * 2)
  expect(await title.boundingBox()).toEqual(before)
  await page.mouse.move(700, 10)
  await expect(zoom).toHaveCount(0)

  // Technical columns on, a column narrowed, compact rows: all still so after a restart of the window.
  await importer.showTechnicalColumns()
  await expect(header(importer, 'Entry id')).toHaveCount(1)
  const titleHeader = header(importer, 'Title')
  await titleHeader.getByRole('separator', { name: 'Resize Title' }).focus()
  await page.keyboard.press('ArrowLeft')
  const titleWidth = (await titleHeader.boundingBox())!.width
  await page.getByRole('group', { name: 'Row density' }).getByRole('button', { name: 'Compact' }).click()
  await expect(importer.grid).toHaveAttribute('data-density', 'compact')

  await page.reload()
  await expect(importer.rows).toHaveCount(PICTURES.length + 1)
  await expect(page.getByRole('button', { name: 'Technical columns' })).toHaveAttribute('aria-pressed', 'true')
  await expect(header(importer, 'Entry id')).toHaveCount(1)
  await expect(importer.grid).toHaveAttribute('data-density', 'compact')
  expect((await header(importer, 'Title').boundingBox())!.width).toBe(titleWidth)
})

test('Space opens the preview pane; the arrow keys walk the rows with it open', async ({ ui, page }) => {
  const { importer, grid } = await openDesk(ui)
  await loadedThumb(importer, 'DSC_0412.jpg')
  await loadedThumb(importer, 'DSC_0413.jpg')

  await (await grid.cell(at('DSC_0412.jpg'), 'Title')).click()
  await page.keyboard.press('Space')
  const pane = page.getByRole('complementary', { name: 'Preview' })
  await expect(pane).toBeVisible()
  const paneWidth = (await pane.boundingBox())!.width
  expect(paneWidth).toBeGreaterThanOrEqual(320)
  expect(paneWidth).toBeLessThanOrEqual(360)
  // Beside the pane the fields an editor types in stay in view, not under the pinned state.
  const statusLeft = (await header(importer, 'Status').boundingBox())!.x
  for (const label of ['File', 'Title', 'Caption', 'Credit']) {
    await expectInFirstViewport(header(importer, label), `the ${label} header beside the pane`)
    const box = (await header(importer, label).boundingBox())!
    expect(box.x + box.width, `the ${label} header ends before the Status column`).toBeLessThanOrEqual(statusLeft + 1)
  }
  // The narrower File column gives up the folder first: the path is cut at its start, so the
  // file's own name, at its end, stays whole inside the cell.
  const fileCell = importer.row(at('DSC_0412.jpg')).locator('[role="gridcell"][data-column="path"]')
  const path = fileCell.locator('.path-text')
  const end = await path.evaluate((text) => {
    const range = document.createRange()
    range.selectNodeContents(text)
    const rects = [...range.getClientRects()]
    return { right: Math.max(...rects.map((r) => r.right)), box: text.getBoundingClientRect().right }
  })
  expect(end.right, 'the path’s end (the file name) is inside its cell').toBeLessThanOrEqual(end.box + 1)
  expect(await path.evaluate((t) => t.scrollWidth > t.clientWidth), 'the path is cut (at its start)').toBe(true)
  // A ready row's note gives way before its state's word.
  const state = importer.row(at('DSC_0417.jpg')).locator('[role="gridcell"][data-column="status"] .fallback-text')
  await expect(state).toHaveText('Ready')
  expect(await state.evaluate((t) => t.scrollWidth <= t.clientWidth), '"Ready" is not cut').toBe(true)
  await expect(pane.getByRole('heading', { name: 'DSC_0412.jpg' })).toBeVisible()
  const picture = pane.getByRole('img', { name: `Preview of ${at('DSC_0412.jpg')}` })
  await expect.poll(() => picture.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0)
  await expect(pane.getByText('1800 × 1200 px')).toBeVisible()
  await expect(pane.getByText('Landscape', { exact: true })).toBeVisible()
  // The embedded values, and what the prefill did with each (the Sandbox maps Title, Description, Credit Line).
  const embedded = pane.getByRole('table')
  await expect(embedded.getByRole('row', { name: /^Title Container cranes at dawn/ })).toContainText('→ Title')
  await expect(embedded.getByRole('row', { name: /^Description Gantry cranes/ })).toContainText('→ Caption')
  await expect(embedded.getByRole('row', { name: /^Credit Maren Vogt/ })).toContainText('→ Credit')
  await expect(embedded.getByRole('row', { name: /^Copyright/ })).toContainText('not used')
  await expect(embedded.getByRole('row', { name: /^City Hamburg/ })).toContainText('not used')
  // The grid keeps the keys: the pane follows the active row.
  await expectFocusOnActiveCell(importer)
  // The state stays in view beside the pane.
  await expectStatusAtRightEdge(importer, 'with the preview pane open')
  const status = (await header(importer, 'Status').boundingBox())!
  expect(status.x + status.width).toBeLessThanOrEqual((await pane.boundingBox())!.x + 1)
  await screenshot(page, 'preview-pane.png')

  await page.keyboard.press('ArrowDown')
  await expect(pane.getByRole('heading', { name: 'DSC_0413.jpg' })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await expect(pane.getByRole('heading', { name: 'DSC_0417.jpg' })).toBeVisible()
  await expect(pane.getByText('Portrait', { exact: true })).toBeVisible()
  await expect(pane.getByText('No descriptive metadata')).toBeVisible()

  // A video: its poster frame, its duration, and why it does not play here.
  await (await grid.cell(at('MVI_0425.mp4'), 'Title')).click()
  await expect(pane.getByRole('heading', { name: 'MVI_0425.mp4' })).toBeVisible()
  await expect(pane.getByText('0:03', { exact: true })).toBeVisible()
  await expect(pane.getByText(/^Poster frame\./)).toBeVisible()

  // The pane's left edge widens it (kept with the layout); Space closes it and the columns get their room back.
  const edge = pane.getByRole('separator', { name: 'Resize the preview pane' })
  await edge.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await pane.boundingBox())!.width).toBe(paneWidth + 32)
  await importer.grid.focus()
  await page.keyboard.press('Space')
  await expect(pane).toHaveCount(0)
  expect((await header(importer, 'Caption').boundingBox())!.width).toBe(300)
})
