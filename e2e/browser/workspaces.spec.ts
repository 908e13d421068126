/**
 * Journey: an editor tries the app in the Sandbox (two photos dropped, not submitted), then sets up
 * the newsroom's staging server in Settings — URL, token and S3 keys typed in, Test connection
 * passes — uses it, and imports a photo that lands on that server and not in the Sandbox. At the
 * next start the app offers to reopen the unfinished Sandbox import; reopened, its rows are back.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/workspace-fixtures'
import { writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { GridPage } from '../support/pages/grid-page'
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox'

test.setTimeout(180_000)

async function fillProfile(page: Page, real: RunningSandbox): Promise<void> {
  const form = page.getByRole('form', { name: 'New profile' })
  const fill = (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value)
  await fill('Profile name', 'Staging')
  await fill('Livingdocs URL', real.livingdocsUrl)
  await fill('API version', real.profile.livingdocs.apiVersion)
  await fill('Access token', real.emulator.token)
  await fill('S3 endpoint', real.s3Endpoint)
  await fill('Region', 'us-east-1')
  await form.getByLabel(/Path-style addressing/).check()
  await fill('S3 access key id', real.s3.accessKeyId)
  await fill('S3 secret key', real.s3.secretAccessKey)
  for (const kind of ['image', 'video', 'file'] as const) {
    await fill(`${kind} bucket`, real.profile.storage[kind].bucket)
    await fill(`${kind} public URL`, real.profile.storage[kind].publicUrl)
  }
  await fill('Default systemName', 'staging-desk')
  await form.getByRole('button', { name: 'Save profile' }).click()
}

test('an editor adds a profile, imports into it, and reopens the unfinished Sandbox import after a restart', async ({
  app,
}, testInfo) => {
  const { real } = app.harness
  let importer = app.importer()
  const page = importer.page
  await expect(importer.sandboxBanner).toContainText('everything stays on this computer')

  // A first try in the Sandbox: two photos, not submitted.
  const trial = join(app.filesDir, 'Trial')
  await writeFileTree(trial, { 'gulls.png': makePng(30, 20), 'pier.png': makePng(31, 20) })
  await importer.drop([trial])
  await importer.waitForScan('done')
  await new GridPage(importer).expectCounts({ Ready: 2 })
  const sandboxSession = app.window().workspace.current()!.id

  // Settings: a new profile for the staging server.
  await page.getByRole('button', { name: 'Settings…' }).click()
  const settings = page.getByRole('complementary', { name: 'Profiles and settings' })
  await settings.getByRole('button', { name: 'New profile…' }).click()
  await fillProfile(page, real)
  const profile = settings.getByRole('listitem', { name: 'Profile Staging' })
  await expect(profile).toContainText('Token saved · storage keys saved')
  await expect(profile).not.toContainText(real.emulator.token)
  await profile.getByRole('button', { name: 'Test connection' }).click()
  const checks = profile.getByRole('list', { name: 'Connection test of Staging' })
  await expect(checks.getByRole('listitem').first()).toBeVisible()
  await expect(checks.locator('li[data-ok="false"]')).toHaveCount(0)
  await expect(checks).toContainText('✓')
  await saveScreenshot(page, testInfo, 'profile-tested')

  // Use it: a new import session against the staging server, said plainly.
  await profile.getByRole('button', { name: /^Use profile Staging/ }).click()
  const banner = page.getByRole('note', { name: 'Real server' })
  // Which profile, which Livingdocs host, in a band that says "live" louder than the Sandbox's.
  await expect(banner).toContainText(
    `Real server: importing with profile Staging into the Livingdocs at ${new URL(real.livingdocsUrl).host}`,
  )
  await expect(banner).toContainText('LIVE')
  await expect(banner).toHaveCSS('background-color', 'rgb(180, 35, 24)')
  await expect(banner).toHaveCSS('color', 'rgb(255, 255, 255)')
  // The Sandbox import left unfinished by this switch is in the Sessions list, not offered in a dialog.
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(importer.rows).toHaveCount(0)

  const desk = join(app.filesDir, 'Desk')
  await writeFileTree(desk, { 'harbour.png': makePng(40, 30) })
  await importer.drop([desk])
  await importer.waitForScan('done')
  const grid = new GridPage(importer)
  await grid.expectCounts({ Ready: 1 })
  expect(await grid.submitAll()).toBe('1 imported.')
  const stored = real.emulator.entries()
  expect(stored).toHaveLength(1)
  expect(stored[0]).toMatchObject({ systemName: 'staging-desk' })
  expect(app.window().sandbox()?.emulator.entries() ?? []).toHaveLength(0)
  await saveScreenshot(page, testInfo, 'imported-into-staging')

  // Next start: the staging session (finished) opens; the Sandbox one is offered.
  importer = await app.restart()
  const next = importer.page
  const dialog = next.getByRole('dialog', { name: 'Reopen an unfinished import?' })
  await expect(dialog).toBeVisible()
  await expect(next.getByRole('note', { name: 'Real server' })).toBeVisible()
  const offered = dialog.getByRole('listitem', { name: `Session ${sandboxSession}` })
  await expect(offered).toContainText('Sandbox')
  await expect(offered).toContainText('2 files: 0 imported, 2 not imported yet')
  await expect(dialog.getByRole('listitem')).toHaveCount(1)
  await saveScreenshot(next, testInfo, 'reopen-dialog')
  await expect(offered.getByRole('button', { name: /^Reopen the Sandbox import/ })).toBeFocused()
  await next.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  // The banner names the session after what was dropped first and when, not by its folder's id.
  await expect(importer.sandboxBanner).toContainText(/Session: Trial · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/)
  await expect(importer.sandboxBanner).not.toContainText(sandboxSession)
  await expect(importer.rows).toHaveCount(2)
  await expect(importer.row('Trial/gulls.png')).toBeVisible()
  await expect(importer.row('Trial/pier.png')).toBeVisible()

  // The session list shows both; the staging one is finished and can be deleted, the open one not.
  await next.getByRole('button', { name: 'Sessions…' }).click()
  const list = next.getByRole('complementary', { name: 'Sessions' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list.getByRole('listitem', { name: `Session ${sandboxSession}` })).toContainText('(open)')
  await expect(list.getByRole('button', { name: /^Delete session/ })).toHaveCount(1)
})
