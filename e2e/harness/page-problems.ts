/**
 * What both browser fixtures share: the renderer's static server (one per worker), and the page
 * errors and console errors a journey must end without (CSP violations show up there too).
 */
import type { Page, WorkerFixture } from '@playwright/test'
import { startStaticServer, type StaticServer } from './static-server'

/** Worker-scoped fixture serving the built renderer. */
export const rendererServerFixture: [WorkerFixture<StaticServer, object>, { scope: 'worker' }] = [
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  async ({}, use) => {
    const server = await startStaticServer()
    await use(server)
    await server.close()
  },
  { scope: 'worker' },
]

/** Collects the page's uncaught errors and console errors into `problems`. */
export function watchPageProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`)
  })
}
