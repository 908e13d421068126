/**
 * What every browser journey must end without: the page's uncaught errors and console errors
 * (a violation of the ui server's CSP shows up there too).
 */
import type { Page } from '@playwright/test'

/** Collects the page's uncaught errors and console errors into `problems`. */
export function watchPageProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`)
  })
}
