/**
 * Playwright fixture for journeys that show what a user of the real `media-import ui` sees (the
 * README's screenshots): the test builds its folders under `filesDir`, then `start(paths)` runs
 * the command on its embedded Sandbox with those paths (added as if dropped) and opens the printed
 * address. Afterwards Ctrl+C must save and exit 0, and the page must have logged no error (a
 * violation of the server's CSP included).
 */
import { test as base, expect } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ImporterPage } from '../support/pages/importer-page'
import { watchPageProblems } from './page-problems'
import { startUiProcess, type UiProcess } from './ui-process'

export interface UiApp {
  /** Where the test builds the folders it gives the command; removed after the test. */
  filesDir: string
  /** Runs `media-import ui <paths> --no-open` and opens its address in the test's page. */
  start(paths: readonly string[]): Promise<ImporterPage>
}

export const test = base.extend<{ ui: UiApp }>({
  ui: async ({ page }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'media-import-ui-e2e-'))
    const filesDir = join(root, 'files')
    await mkdir(filesDir)
    const problems: string[] = []
    watchPageProblems(page, problems)
    let running: UiProcess | undefined
    await use({
      filesDir,
      start: async (paths) => {
        running = await startUiProcess(paths, join(root, 'data'))
        expect(running.url, running.stdout).toBeDefined()
        // No drops and no system picker: the command was given its folders.
        const importer = new ImporterPage(page, { answerPicker: () => undefined, registerDropPaths: async () => {} })
        await importer.open(running.url!)
        return importer
      },
    })
    const found = [...problems]
    const stopped = await running?.stop()
    await rm(root, { recursive: true, force: true })
    expect(found, 'the page logged errors (CSP violations show up here)').toEqual([])
    if (stopped) expect(stopped.code, stopped.stderr).toBe(0)
  },
})

export { expect }
