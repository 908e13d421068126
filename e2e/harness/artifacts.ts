import type { Page, TestInfo } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/** Screenshots land in e2e/artifacts/ (gitignored) and in the test report. */
export const ARTIFACTS_DIR = resolve(__dirname, '../artifacts')

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const slug = `${testInfo.project.name}-${testInfo.titlePath.slice(1).join('-')}-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  await mkdir(ARTIFACTS_DIR, { recursive: true })
  const path = join(ARTIFACTS_DIR, `${slug}.png`)
  await page.screenshot({ path, fullPage: false })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  return path
}
