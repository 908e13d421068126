/**
 * Opens an address in the default browser, by platform (xdg-open, open, start). Never fails: on a
 * server without a desktop there is none, and the printed address is enough.
 */
import { spawn } from 'node:child_process'

export function browserCommand(
  platform: NodeJS.Platform,
  url: string,
): { command: string; args: string[]; verbatim?: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  // Verbatim: Node's own quoting of "" would reach cmd as \"\" and become the address.
  if (platform === 'win32')
    return { command: 'cmd', args: ['/c', 'start', '""', url.replaceAll('&', '^&')], verbatim: true }
  return { command: 'xdg-open', args: [url] }
}

/** Resolves false when no browser could be started (missing command, or it failed at once). */
export function openBrowser(url: string, platform = process.platform): Promise<boolean> {
  const { command, args, verbatim } = browserCommand(platform, url)
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, {
        stdio: 'ignore',
        detached: true,
        windowsVerbatimArguments: verbatim === true,
      })
      child.once('error', () => resolve(false))
      child.once('spawn', () => {
        child.unref()
        resolve(true)
      })
    } catch {
      resolve(false)
    }
  })
}
