/**
 * Fixtures for the Electron journeys: each test launches the real app (out/main, preload,
 * renderer over app://, the Sandbox) with its own temporary user-data folder, and gets the
 * shared `ImporterPage` page object. The system folder picker is answered by replacing
 * `dialog.showOpenDialog` in the main process, the only stand-in in these journeys.
 */
import { _electron as electron, test as base } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ImporterPage } from '../support/pages/importer-page'
import type { ImporterHost } from '../support/pages/importer-page'
import { E2E_USER_DATA_ENV } from '../../src-main/electron/launch-config'
import { ELECTRON_MISSING_REASON, findElectronBinary } from './electron-binary'

export { expect } from '@playwright/test'

const REPO_ROOT = resolve(__dirname, '../..')

export const electronBinary = findElectronBinary()
export { ELECTRON_MISSING_REASON }

export interface ElectronHarness {
  app: ElectronApplication
  window: Page
  /** Where the test builds the folders it chooses; removed after the test. */
  filesDir: string
  /** Lines the main process printed (stdout and stderr), for asserting on refusals. */
  mainLog: string[]
}

function electronHost(app: ElectronApplication): ImporterHost {
  return {
    answerPicker: async (paths) => {
      await app.evaluate(
        ({ dialog }, chosen) => {
          dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: chosen })) as typeof dialog.showOpenDialog
        },
        [...paths],
      )
    },
    registerDropPaths: async () => {
      throw new Error(
        'In Electron, webUtils.getPathForFile gives no path for a File made in the page; use chooseFolders or mediaImport.addPaths',
      )
    },
  }
}

export const test = base.extend<{ harness: ElectronHarness; importer: ImporterPage }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    if (electronBinary === null) throw new Error(ELECTRON_MISSING_REASON)
    if (!existsSync(join(REPO_ROOT, 'out', 'main', 'index.js'))) {
      throw new Error('The app is not built (out/main/index.js is missing): run `npm run build` first.')
    }
    const root = await mkdtemp(join(tmpdir(), 'media-import-electron-'))
    const filesDir = join(root, 'files')
    await mkdir(filesDir)
    const app = await electron.launch({
      executablePath: electronBinary,
      args: [REPO_ROOT],
      cwd: REPO_ROOT,
      env: { ...process.env, [E2E_USER_DATA_ENV]: join(root, 'user-data'), ELECTRON_RENDERER_URL: '' },
    })
    const mainLog: string[] = []
    app.process().stdout?.on('data', (chunk: Buffer) => mainLog.push(...chunk.toString().split('\n')))
    app.process().stderr?.on('data', (chunk: Buffer) => mainLog.push(...chunk.toString().split('\n')))
    try {
      const window = await app.firstWindow()
      await use({ app, window, filesDir, mainLog })
    } finally {
      await app.close()
      await rm(root, { recursive: true, force: true })
    }
  },

  importer: async ({ harness }, use) => {
    const importer = new ImporterPage(harness.window, electronHost(harness.app))
    // The app has talked to main once the mode is known.
    await importer.sandboxBanner.waitFor()
    await use(importer)
  },
})
