/** The main window: secure options from security-policy.ts, shown once it has something to show. */
import { app, BrowserWindow, dialog } from 'electron'
import type { RendererLocation } from './launch-config'
import { mainWindowOptions, WINDOW_TITLE } from './security-policy'

export function createMainWindow(renderer: RendererLocation, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  window.loadURL(renderer.url).catch((err: unknown) => {
    // Without a page the window would never show and the app would seem to do nothing: say why.
    const where = renderer.devServerOrigin
      ? `the development server at ${renderer.devServerOrigin} (is \`electron-vite dev\` running?)`
      : 'the application files (reinstall the app, or run `npm run build` in a checkout)'
    console.error(`[window] could not load ${renderer.url}: ${String(err)}`)
    dialog.showErrorBox(WINDOW_TITLE, `The window could not be loaded from ${where}.`)
    app.quit()
  })
  return window
}
