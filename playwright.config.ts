import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (reference/toolchain.md §3). The flags keep it
// off the network: this machine has no internet and tests must only ever talk to 127.0.0.1.
const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // The built renderer (out/renderer, from `npm run build`) against the real core via
      // e2e/harness; the harness fails with a clear message when the build is missing.
      name: 'browser',
      testDir: 'e2e/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
})
