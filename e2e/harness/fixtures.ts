/**
 * Playwright fixtures for the browser journeys. Per worker: one static server for the built
 * renderer. Per test: a temp data dir, a fresh app core (the real handler table), the bridge
 * installed on the page, and an `importer` page object already on the app. A test fails if the
 * page logged an error (CSP violations included) or an event could not be delivered.
 */
import { test as base, expect } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppInfo } from '../../src-main/contract'
import { createAppCore } from '../../src-main/core/app/handlers'
import type { AppCore } from '../../src-main/core/app/handlers'
import { ImporterPage } from '../support/pages/importer-page'
import { installBridge, pageEmitter, setDropPaths } from './bridge'
import { startSandboxImporter, type SandboxImporter } from './sandbox-importer'
import { rendererServerFixture, watchPageProblems } from './page-problems'
import { serveMediaFilesTo, serveThumbnailsTo } from './thumbnails'
import type { StaticServer } from './static-server'

export interface Harness {
  /** The app's data folder for this test (sessions, settings). */
  dataDir: string
  /** Where the test builds the folders it drops; removed after the test. */
  filesDir: string
  core: AppCore
  /** What the system folder picker answers next (the editor's choice). */
  picker: { next: string[] }
  appInfo: AppInfo
  /** With `test.use({ withSandbox: true })`: the Sandbox and the import pipeline behind the core. */
  sandbox?: SandboxImporter
  /** URLs the host was asked to open in the system browser (openExternal), in order. */
  opened: string[]
}

const sandboxAppInfo: AppInfo = {
  version: '0.0.0-e2e',
  mode: 'sandbox',
  profileName: 'Sandbox',
  livingdocsUrl: 'http://127.0.0.1',
}

export const test = base.extend<
  { harness: Harness; importer: ImporterPage; withSandbox: boolean; withThumbnails: boolean; withFfmpeg: boolean },
  { rendererServer: StaticServer }
>({
  withSandbox: [false, { option: true }],
  /** With the Sandbox: thumbnails made into the data folder and served to the page as main's protocol does. */
  withThumbnails: [false, { option: true }],
  /** False: thumbnails as on a computer without ffmpeg (video poster frames drawn by the page). */
  withFfmpeg: [true, { option: true }],

  rendererServer: rendererServerFixture,

  harness: async ({ page, withSandbox, withThumbnails, withFfmpeg, rendererServer }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'media-import-e2e-'))
    const dataDir = join(root, 'data')
    const filesDir = join(root, 'files')
    await Promise.all([mkdir(dataDir), mkdir(filesDir)])
    const problems: string[] = []
    watchPageProblems(page, problems)

    const picker = { next: [] as string[] }
    const opened: string[] = []
    const thumbnails = withThumbnails
      ? await serveThumbnailsTo(page, join(dataDir, 'thumbnails'), withFfmpeg ? {} : { ffmpeg: null })
      : undefined
    const sandbox = withSandbox ? await startSandboxImporter(dataDir, thumbnails ? { thumbnails } : {}) : undefined
    const appInfo = sandbox ? { ...sandboxAppInfo, livingdocsUrl: sandbox.sandbox.livingdocsUrl } : sandboxAppInfo
    const core = createAppCore({
      appInfo: () => appInfo,
      pickPaths: async () => picker.next,
      openExternal: async (url) => void opened.push(url),
      emit: pageEmitter(page, (err) => problems.push(`event not delivered: ${String(err)}`)),
      ...(sandbox ? { importer: sandbox.importer } : {}),
    })
    await installBridge(page, core.handlers)
    if (thumbnails)
      await serveMediaFilesTo(page, (rowId) => core.session.getRow(rowId), new URL(rendererServer.url).origin)

    await use({ dataDir, filesDir, core, picker, appInfo, opened, ...(sandbox ? { sandbox } : {}) })

    core.dispose()
    await sandbox?.close()
    await rm(root, { recursive: true, force: true })
    expect(problems, 'the page logged errors (CSP violations show up here)').toEqual([])
  },

  importer: async ({ page, harness, rendererServer }, use) => {
    const importer = new ImporterPage(page, {
      answerPicker: (paths) => {
        harness.picker.next = [...paths]
      },
      registerDropPaths: (paths) => setDropPaths(page, paths),
    })
    await importer.open(rendererServer.url)
    await use(importer)
  },
})

export { expect }
