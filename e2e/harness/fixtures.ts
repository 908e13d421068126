/**
 * Playwright fixtures for the browser journeys. Per test: a temp data dir, a fresh app core (the
 * real handler table) served by `media-import ui`'s own server (ui-harness.ts: its HTTP + SSE
 * bridge, token, request guard and CSP), and an `importer` page object already on the app. A test
 * fails if the page logged an error (CSP violations of the ui server's policy included).
 */
import { test as base, expect } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppInfo } from '../../src-main/contract'
import { createAppCore } from '../../src-main/core/commands/handlers'
import type { AppCore } from '../../src-main/core/commands/handlers'
import { ImporterPage } from '../support/pages/importer-page'
import { ThumbnailCache } from '../../src-main/core/probe/thumbnails/thumbnail-cache'
import { EventStreams } from '../../src-main/web/event-stream'
import { watchPageProblems } from './page-problems'
import { startSandboxImporter, type SandboxImporter } from './sandbox-importer'
import { serveCore, setDropPaths, type HarnessUiServer } from './ui-harness'

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
  /** The `media-import ui` server (src-main/web/ui-server.ts) the page talks to. */
  server: HarnessUiServer
}

const sandboxAppInfo: AppInfo = {
  version: '0.0.0-e2e',
  mode: 'sandbox',
  profileName: 'Sandbox',
  livingdocsUrl: 'http://127.0.0.1',
}

export const test = base.extend<{
  harness: Harness
  importer: ImporterPage
  withSandbox: boolean
  withThumbnails: boolean
  withFfmpeg: boolean
}>({
  withSandbox: [false, { option: true }],
  /** With the Sandbox: thumbnails made into the data folder, which the ui server serves (/media-thumb/). */
  withThumbnails: [false, { option: true }],
  /** False: thumbnails as on a computer without ffmpeg (video poster frames drawn by the page). */
  withFfmpeg: [true, { option: true }],

  harness: async ({ page, withSandbox, withThumbnails, withFfmpeg }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'media-import-e2e-'))
    const dataDir = join(root, 'data')
    const filesDir = join(root, 'files')
    await Promise.all([mkdir(dataDir), mkdir(filesDir)])
    const problems: string[] = []
    watchPageProblems(page, problems)

    const picker = { next: [] as string[] }
    const opened: string[] = []
    const thumbnailDir = join(dataDir, 'thumbnails')
    const thumbnails = withThumbnails
      ? new ThumbnailCache({ dir: thumbnailDir, ...(withFfmpeg ? {} : { ffmpeg: null }) })
      : undefined
    const sandbox = withSandbox ? await startSandboxImporter(dataDir, thumbnails ? { thumbnails } : {}) : undefined
    const appInfo = sandbox ? { ...sandboxAppInfo, livingdocsUrl: sandbox.sandbox.livingdocsUrl } : sandboxAppInfo
    const events = new EventStreams()
    const core = createAppCore({
      appInfo: () => appInfo,
      pickPaths: async () => picker.next,
      openExternal: async (url) => void opened.push(url),
      emit: events.emit,
      ...(sandbox ? { importer: sandbox.importer } : {}),
    })
    const server = await serveCore({
      handlers: core.handlers,
      events,
      thumbnailDir,
      getRow: (rowId) => core.session.getRow(rowId),
    })

    await use({ dataDir, filesDir, core, picker, appInfo, opened, server, ...(sandbox ? { sandbox } : {}) })

    // Taken before the server stops: the page's event stream losing its server is not the test's fault.
    const found = [...problems]
    await server.close()
    core.dispose()
    await sandbox?.close()
    await rm(root, { recursive: true, force: true })
    expect(found, 'the page logged errors (CSP violations show up here)').toEqual([])
  },

  importer: async ({ page, harness }, use) => {
    const importer = new ImporterPage(page, {
      answerPicker: (paths) => {
        harness.picker.next = [...paths]
      },
      registerDropPaths: (paths) => setDropPaths(page, paths),
    })
    await importer.open(harness.server.url)
    await use(importer)
  },
})

export { expect }
