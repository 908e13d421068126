/**
 * Journey in the real app: it opens in the Sandbox, the editor chooses a folder in the system
 * picker, and one row per file appears; then a command with a bad argument comes back as an
 * error that says what is wrong. Skipped, with the reason, where no Electron binary exists.
 */
import { join } from 'node:path'
import type { IpcResult, MediaImportBridge } from '../../src-main/contract'
import { bytesOfLength, writeFileTree } from '../support/media/file-tree'
import { makePng } from '../support/media/png'
import { ELECTRON_MISSING_REASON, electronBinary, expect, test } from './fixtures'

test.skip(electronBinary === null, ELECTRON_MISSING_REASON)
// The list reporter does not print skip reasons, so say it where the run's output shows it.
if (electronBinary === null) console.warn(`[electron e2e] skipped: ${ELECTRON_MISSING_REASON}`)

type BridgeWindow = Window & { mediaImport: MediaImportBridge }

test('an editor chooses a folder in the Sandbox and gets one row per file', async ({ importer, harness }) => {
  const reportage = join(harness.filesDir, 'Reportage')
  await writeFileTree(reportage, {
    'cover.png': makePng(24, 16),
    'notes.txt': bytesOfLength(1536),
    '2026/03/day-2/scan.bin': bytesOfLength(4096, 7),
  })

  expect(await harness.window.title()).toBe('Media Importer for Livingdocs')
  expect(harness.window.url()).toBe('app://renderer/index.html')
  await expect(importer.sandboxBanner).toContainText('Sandbox')

  await importer.chooseFolders([reportage])
  await importer.waitForScan('done')
  await expect(importer.rows).toHaveCount(3)
  await expect(importer.row('Reportage/cover.png')).toBeVisible()
  await expect(importer.row('Reportage/2026/03/day-2/scan.bin')).toBeVisible()
})

test('the page reaches main only through window.mediaImport, which checks what it is given', async ({ harness }) => {
  const page = harness.window
  const exposure = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    bridge: Object.keys((window as BridgeWindow).mediaImport).sort(),
  }))
  expect(exposure.require).toBe('undefined')
  expect(exposure.process).toBe('undefined')
  expect(exposure.bridge).toEqual([
    'addPaths',
    'cancelScan',
    'clearRows',
    'getAppInfo',
    'getSnapshot',
    'on',
    'pathForFile',
    'pickPaths',
  ])

  const info = await page.evaluate(() => (window as BridgeWindow).mediaImport.getAppInfo())
  expect(info).toMatchObject({ ok: true, value: { mode: 'sandbox', profileName: 'Sandbox' } })

  const bad: IpcResult<unknown> = await page.evaluate(() =>
    (window as BridgeWindow).mediaImport.addPaths({ paths: [] as string[] }),
  )
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  expect(bad.ok === false && bad.error.message).toContain('addPaths')
})

test('the window cannot be navigated away or open new windows', async ({ harness }) => {
  const page = harness.window
  const windowOpenRefused = await page.evaluate(() => window.open('https://example.invalid/') === null)
  expect(windowOpenRefused).toBe(true)
  await page.evaluate(() => {
    window.location.href = 'https://example.invalid/elsewhere'
  })
  // Main cancels the navigation (and says so); the page stays ours and keeps working.
  await expect.poll(() => harness.mainLog.some((line) => line.includes('[security] blocked navigation'))).toBe(true)
  expect(page.url()).toBe('app://renderer/index.html')
  const info = await page.evaluate(() => (window as BridgeWindow).mediaImport.getAppInfo())
  expect(info.ok).toBe(true)
  expect(harness.app.windows()).toHaveLength(1)
})
