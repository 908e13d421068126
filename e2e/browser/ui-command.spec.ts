/**
 * Journey: on a machine where Electron cannot start, an editor runs `media-import ui <folder>
 * --no-open` (the real bin, as a shell runs it), opens the printed address in Chromium, sees the
 * folder's photos as rows with their thumbnails, titles one, adds a second folder with the
 * browser's own folder chooser, submits everything to the Sandbox, and stops the server with
 * Ctrl+C, which saves the session and exits 0. The page must log no error (a CSP violation
 * would show up there).
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { saveScreenshot } from '../harness/artifacts'
import { watchPageProblems } from '../harness/page-problems'
import { startUiProcess, uiSessionsDir } from '../harness/ui-process'
import { GridPage } from '../support/pages/grid-page'
import { ImporterPage } from '../support/pages/importer-page'

const run = promisify(execFile)
test.setTimeout(180_000)

/** A real JPEG from ImageMagick: a swirled gradient in its own colours, so each file has its own bytes. */
async function makeJpeg(path: string, colours: string): Promise<void> {
  await run('convert', ['-size', '480x320', `gradient:${colours}`, '-swirl', '120', path])
}

test('media-import ui serves the app to a browser: rows, a title, the folder chooser, submit, Ctrl+C', async ({
  page,
}, testInfo) => {
  const root = await mkdtemp(join(tmpdir(), 'media-import-ui-e2e-'))
  const harbour = join(root, 'files', 'Harbour')
  const ferry = join(root, 'files', 'Ferry')
  await Promise.all([mkdir(harbour, { recursive: true }), mkdir(ferry, { recursive: true })])
  await makeJpeg(join(harbour, 'cranes.jpg'), 'steelblue-khaki')
  await makeJpeg(join(harbour, 'dawn.jpg'), 'orange-navy')
  await makeJpeg(join(ferry, 'boarding.jpg'), 'seagreen-white')

  const ui = await startUiProcess([harbour], join(root, 'data'))
  try {
    // The first line, as the README promises, so a script can read it.
    const url = ui.url
    expect(url, ui.stdout).toBeDefined()

    const problems: string[] = []
    watchPageProblems(page, problems)
    await page.setViewportSize({ width: 1440, height: 900 })
    const noDrops = { answerPicker: () => undefined, registerDropPaths: async () => undefined }
    const importer = new ImporterPage(page, noDrops)
    await importer.open(url!)
    await expect(importer.sandboxBanner).toBeVisible()
    // The token became an HttpOnly cookie; the address bar no longer shows it.
    expect(page.url()).not.toContain('token=')
    expect(await page.evaluate(() => document.cookie)).toBe('')
    const grid = new GridPage(importer)

    // The folder given on the command line was added as if dropped.
    await grid.expectCounts({ Ready: 2 }, 60_000)
    await expect(importer.row('Harbour/cranes.jpg')).toBeVisible()
    const thumbnail = importer.row('Harbour/cranes.jpg').locator('[role="gridcell"][data-column="thumbnail"] img')
    await expect(thumbnail).toHaveAttribute('src', /^\/media-thumb\/[0-9a-f]{64}-\d+\.webp$/)
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)

    await grid.type('Harbour/cranes.jpg', 'Title', 'Cranes at the container terminal')
    await grid.expectText('Harbour/cranes.jpg', 'Title', 'Cranes at the container terminal')

    // A browser never says where a dropped file lives: the drop is refused with what to do instead.
    await importer.drop([join(ferry, 'boarding.jpg')])
    await expect(importer.problems).toContainText('Use "Choose folders…"')
    await grid.expectCounts({ Ready: 2 })

    // No system picker in a browser: the app's own chooser lists folders on this computer.
    await importer.chooseFoldersButton.click()
    const chooser = page.getByRole('dialog', { name: 'Choose a folder on this computer' })
    await expect(chooser).toBeVisible()
    await chooser.getByRole('textbox', { name: 'Folder path' }).fill(join(root, 'files'))
    await chooser.getByRole('button', { name: 'Go' }).click()
    await expect(chooser.getByRole('list', { name: 'Folders' })).toContainText('Ferry')
    await chooser.getByRole('button', { name: /Ferry$/ }).click()
    await expect(chooser.getByRole('button', { name: `Add ${ferry}` })).toBeVisible()
    await saveScreenshot(page, testInfo, 'folder-chooser')
    await chooser.getByRole('button', { name: `Add ${ferry}` }).click()
    await expect(chooser).toBeHidden()
    await grid.expectCounts({ Ready: 3 }, 60_000)

    expect(await grid.submitAll()).toBe('3 imported.')
    await grid.expectCounts({ Imported: 3, Failed: 0 })
    await grid.expectText('Harbour/cranes.jpg', 'Media id', /\S+/)
    await importer.grid.evaluate((element) => (element.scrollLeft = 0))
    await saveScreenshot(page, testInfo, 'imported')
    expect(problems).toEqual([])
  } finally {
    void ui.stop()
  }
  const { code, stderr } = await ui.stop()
  expect(code, stderr).toBe(0)
  expect(stderr).toContain('saving the session')
  // The session was saved where the app keeps Sandbox sessions of the ui.
  const sessions = await readdir(uiSessionsDir(join(root, 'data')))
  expect(sessions).toHaveLength(1)
  await rm(root, { recursive: true, force: true })
})
