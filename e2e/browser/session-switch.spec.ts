/**
 * Journey: an editor has three photos in one Sandbox import, filtered to one word, then starts a
 * new import and drops one more photo, then goes back to the first. Each session shows its own
 * counts, scan banner and filter only: nothing of the one before carries over (issue #17). The
 * list names both after their folders; at the next start the unfinished one is offered once.
 */
import { join } from 'node:path'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/workspace-fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'

test.setTimeout(180_000)

test("switching sessions shows the new session's counts only", async ({ app }, testInfo) => {
  const importer = app.importer()
  const page = importer.page
  const grid = new GridPage(importer)
  const filter = page.getByRole('searchbox', { name: 'Filter rows' })
  const headline = importer.scanProgress.locator('.scan-headline')

  const harbour = join(app.filesDir, 'harbour')
  await writeFileTree(harbour, {
    'gulls.png': makePng(30, 20),
    'pier.png': makePng(31, 20),
    'boats.png': makePng(32, 20),
  })
  await importer.drop([harbour])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 3 })
  await expect(importer.scanProgress).toContainText('3 files')
  await filter.fill('gulls')
  await expect(importer.rows).toHaveCount(1)
  const first = app.window().workspace.current()!.id

  // A new import: empty, with nothing of the first one showing.
  await page.getByRole('button', { name: 'Sessions…' }).click()
  await page
    .getByRole('complementary', { name: 'Sessions' })
    .getByRole('button', { name: 'Start a new import' })
    .click()
  // The banner names the new session (nothing dropped yet, and when), never by its folder's id.
  await expect(importer.sandboxBanner).toContainText(/Session: New import · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/)
  await expect(importer.sandboxBanner).not.toContainText(first)
  await expect(page.getByRole('complementary', { name: 'Sessions' })).toHaveCount(0)
  await expect(headline).toHaveText('No folders added yet')
  await expect(importer.scanProgress).toHaveAttribute('data-state', 'idle')
  await grid.expectCounts({ Ready: 0, Invalid: 0, Uploading: 0, Imported: 0, Failed: 0 })
  await expect(filter).toHaveValue('')
  await expect(importer.rows).toHaveCount(0)
  // Nothing to submit: the button is disabled and looks it (grey, not the accent blue).
  const submit = page.getByRole('button', { name: /^Submit all valid/ })
  await expect(submit).toHaveText('Submit all valid (0)')
  await expect(submit).toBeDisabled()
  await expect(submit).toHaveCSS('cursor', 'not-allowed')
  await expect(submit).not.toHaveCSS('background-color', 'rgb(31, 111, 235)')
  await expect(page.getByTestId('counts-said')).toHaveText('No rows in this session yet.')

  const dunes = join(app.filesDir, 'dunes')
  await writeFileTree(dunes, { 'sand.png': makePng(40, 30) })
  await importer.drop([dunes])
  await importer.waitForScan('done')
  await grid.expectCounts({ Ready: 1 })
  await expect(submit).toBeEnabled()
  await expect(page.getByTestId('counts-said')).toHaveText('Rows: 1 ready.')
  await expect(importer.scanProgress).toContainText('1 file,')
  await expect(importer.rows).toHaveCount(1)
  await saveScreenshot(page, testInfo, 'second-session')

  // Back to the first: its three rows, its counts, and no scan figures of the second.
  await page.getByRole('button', { name: 'Sessions…' }).click()
  const list = page.getByRole('complementary', { name: 'Sessions' })
  await list
    .getByRole('listitem', { name: new RegExp(first) })
    .getByRole('button', { name: /^Open/ })
    .click()
  await expect(importer.sandboxBanner).toContainText('Session: harbour · ')
  await grid.expectCounts({ Ready: 3, Invalid: 0, Imported: 0 })
  await expect(headline).toHaveText('3 files in this session')
  // The upload line is this session's too, not the second's one file.
  await expect(page.getByText('1 of 1 files')).toHaveCount(0)
  await expect(importer.scanProgress).toHaveAttribute('data-state', 'idle')
  await expect(filter).toHaveValue('')
  await expect(importer.rows).toHaveCount(3)

  // The list names each session after what was dropped first and when, with profile, folders and
  // what is left; the editor renames the open one by keyboard, and the banner follows.
  await page.getByRole('button', { name: 'Sessions…' }).click()
  const second = list.getByRole('listitem', { name: /^dunes · .*, session/ })
  await expect(second).toContainText('Sandbox')
  await expect(second).toContainText('From dunes')
  await expect(second).toContainText('1 file: 0 imported, 1 not imported yet')
  const mine = list.getByRole('listitem', { name: /^harbour · .*, session/ })
  await mine.getByRole('button', { name: /^Rename session harbour · / }).focus()
  await page.keyboard.press('Enter')
  await expect(mine.getByRole('textbox', { name: 'Session name' })).toBeFocused()
  await page.keyboard.type('Harbour, morning')
  await page.keyboard.press('Enter')
  await expect(list.getByRole('listitem', { name: /^Harbour, morning, session/ })).toContainText('(open)')
  await expect(importer.sandboxBanner).toContainText(/Session: Harbour, morning$/)
  await saveScreenshot(page, testInfo, 'sessions-named')

  // Next start: the unfinished "dunes" import is offered once; answered, it is not asked again.
  let next = await app.restart()
  const dialog = next.page.getByRole('dialog', { name: 'Reopen an unfinished import?' })
  await expect(dialog.getByRole('listitem')).toHaveCount(1)
  await expect(dialog.getByRole('listitem')).toContainText('dunes')
  await dialog.getByRole('button', { name: 'Not now' }).click()
  await expect(dialog).toBeHidden()
  next = await app.restart()
  await expect(next.page.getByRole('note').first()).toBeVisible()
  await expect(next.page.getByRole('dialog')).toHaveCount(0)
  await expect(next.sandboxBanner).toContainText('Session: Harbour, morning')
})
