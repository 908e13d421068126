/**
 * Journey: an editor moves a saved profile to another address. The token field says at once that
 * the token must be typed again (it is only sent to the address it was given for); saving anyway
 * keeps the form open with the reason, and the list says the token is missing. A plain-http
 * address on the network is refused naming https. In the Sessions list, a session that another
 * process (the CLI) has open names that process and offers Try again until it is free, or a
 * read-only look under a band naming the holder.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { saveScreenshot } from '../harness/artifacts'
import { expect, test } from '../harness/workspace-fixtures'
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox'

test.setTimeout(120_000)

async function fillProfile(page: Page, real: RunningSandbox): Promise<void> {
  const form = page.getByRole('form', { name: 'New profile' })
  const fill = (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value)
  await fill('Profile name', 'Staging')
  await fill('Livingdocs URL', real.livingdocsUrl)
  await fill('Access token', real.emulator.token)
  await fill('S3 endpoint', real.s3Endpoint)
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

test('a token is asked for again when the address changes; http on the network is refused', async ({
  app,
}, testInfo) => {
  const { real } = app.harness
  const page = app.importer().page
  await page.getByRole('button', { name: 'Settings…' }).click()
  const settings = page.getByRole('complementary', { name: 'Profiles and settings' })
  await settings.getByRole('button', { name: 'New profile…' }).click()
  await fillProfile(page, real)
  const profile = settings.getByRole('listitem', { name: 'Profile Staging' })
  await expect(profile).toContainText('Token saved · storage keys saved')

  await profile.getByRole('button', { name: 'Edit' }).click()
  const form = page.getByRole('form', { name: 'Edit profile Staging' })
  const url = form.getByLabel('Livingdocs URL', { exact: true })
  const token = form.getByLabel('Access token', { exact: true })
  await expect(token).toHaveAccessibleDescription(/saved \(type to replace\)/)
  // Another host (same server, another name): another origin.
  const moved = real.livingdocsUrl.replace('127.0.0.1', 'localhost')
  await url.fill(moved)
  await expect(token).toHaveAccessibleDescription(
    /The Livingdocs address changed: enter the token again; it is only sent to the address it was given for\./,
  )
  await saveScreenshot(page, testInfo, 'token-asked-again')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(form.getByRole('alert')).toContainText(
    `The Livingdocs address changed (${real.livingdocsUrl} before, ${moved} now): enter the token again`,
  )

  await url.fill('http://ld.example.com')
  await form.getByRole('button', { name: 'Save profile' }).click()
  await expect(form.getByRole('alert')).toContainText('livingdocs.url: must start with https://')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(profile).toContainText(`Staging — ${moved}`)
  await expect(profile).toContainText('Token missing · storage keys saved')
})

test('a session another process has open is named in the list, with Try again and Open read-only', async ({ app }) => {
  const page = app.importer().page
  const workspace = app.window().workspace
  const first = workspace.current()!.id
  await workspace.newSession('Sandbox')
  const lock = join(app.harness.dataDir, 'sessions', first, 'session.lock')
  // A live process on this computer (the test runner) holds it, as `media-import import` would.
  const holder = { pid: process.ppid, host: hostname(), startedAt: new Date().toISOString(), by: 'media-import import' }
  await writeFile(lock, JSON.stringify(holder))

  await page.getByRole('button', { name: 'Sessions…' }).click()
  const item = page
    .getByRole('complementary', { name: 'Sessions' })
    .getByRole('listitem', { name: new RegExp(`, session ${first}$`) })
  await expect(item).toContainText(
    new RegExp(
      `Open in another process \\(media-import import, pid ${process.ppid} on host .+, since \\d\\d:\\d\\d\\): wait`,
    ),
  )
  await expect(item.getByRole('button', { name: 'Open', exact: true })).toHaveCount(0)
  await expect(item.getByRole('button', { name: /^Delete/ })).toHaveCount(0)

  // Looked at read-only: the band names the holder, nothing is taken over.
  await item.getByRole('button', { name: /read-only$/ }).click()
  await expect(page.getByRole('note', { name: 'Read-only' })).toContainText(
    `Read-only: this import is open in media-import import, pid ${process.ppid}`,
  )
  expect(workspace.viewing()?.id).toBe(first)
  expect(JSON.parse(await readFile(lock, 'utf8'))).toEqual(holder)

  // Opening closed the panel; once the holder is done, Try again offers Open.
  await page.getByRole('button', { name: 'Sessions…' }).click()
  await expect(item.getByRole('button', { name: 'Try again' })).toBeVisible()
  await rm(lock)
  await item.getByRole('button', { name: 'Try again' }).click()
  await expect(item.getByRole('button', { name: 'Open' })).toBeVisible()
  await item.getByRole('button', { name: 'Open' }).click()
  await expect.poll(() => workspace.current()?.id).toBe(first)
})
