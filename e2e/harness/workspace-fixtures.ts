/**
 * Playwright fixtures for workspace journeys (profiles, sessions): like fixtures.ts, but the core
 * behind the ui server is the app's workspace (workspace-harness.ts) over a temp data folder, with a
 * second "real" server beside the Sandbox. `restart()` closes the window's workspace as quitting
 * does and opens a new page over the same data folder, as the next start of the app.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ImporterPage } from '../support/pages/importer-page'
import { watchPageProblems } from './page-problems'
import { setDropPaths } from './ui-harness'
import { startWorkspaceHarness, type WorkspaceHarness, type WorkspaceWindow } from './workspace-harness'

export interface WorkspaceApp {
  harness: WorkspaceHarness
  filesDir: string
  picker: { next: string[] }
  window(): WorkspaceWindow
  importer(): ImporterPage
  /** Quits the app (session saved, servers closed) and starts it again in a new page. */
  restart(): Promise<ImporterPage>
}

export const test = base.extend<{ app: WorkspaceApp }>({
  app: async ({ page, context }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'media-import-e2e-ws-'))
    const dataDir = join(root, 'data')
    const filesDir = join(root, 'files')
    await Promise.all([mkdir(dataDir), mkdir(filesDir)])
    const problems: string[] = []
    const watch = (p: Page) => watchPageProblems(p, problems)
    const picker = { next: [] as string[] }
    const harness = await startWorkspaceHarness(dataDir)
    const openOn = async (p: Page): Promise<[WorkspaceWindow, ImporterPage]> => {
      watch(p)
      const window = await harness.openWindow(picker)
      const importer = new ImporterPage(p, {
        answerPicker: (paths) => {
          picker.next = [...paths]
        },
        registerDropPaths: (paths) => setDropPaths(p, paths),
      })
      await importer.open(window.server.url)
      return [window, importer]
    }
    let [window, importer] = await openOn(page)
    await use({
      harness,
      filesDir,
      picker,
      window: () => window,
      importer: () => importer,
      restart: async () => {
        await importer.page.close()
        await window.close()
        ;[window, importer] = await openOn(await context.newPage())
        return importer
      },
    })
    // Taken before the servers stop: the page's event stream losing its server is not the test's fault.
    const found = [...problems]
    await harness.close()
    await rm(root, { recursive: true, force: true })
    expect(found, 'the page logged errors (CSP violations show up here)').toEqual([])
  },
})

export { expect }
