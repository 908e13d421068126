/**
 * Debian's Chromium, never a downloaded browser (docs/reference/toolchain.md §3), and the flags that
 * keep it off the network: this machine has no internet and tests must only ever talk to
 * 127.0.0.1. One list for the e2e config and the benches, so they run the same browser.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
