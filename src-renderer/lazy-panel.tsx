/**
 * Parts of the window that are not on the first screen (side panels, the preview pane, the
 * sessions list, the folder chooser) load as their own chunks when first opened: the first row
 * waits for the main bundle to load, parse and run (bench:grid measured most of the first-row time
 * before the app's first command), so what the first screen does not draw stays out of it.
 * Same-origin module scripts: the content policy's script-src 'self' covers them, and the Electron
 * window's file protocol serves any file in the build folder (src-main/electron/renderer-files.ts).
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'

/** React.lazy for a named export: `lazyNamed(() => import('./X').then((m) => m.X))`. */
export function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }))
}

/** Nothing is drawn while the chunk loads (a few milliseconds from the app's own files). */
export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>
}
