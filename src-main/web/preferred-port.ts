/**
 * `media-import ui` listens on the same port every run when it can. A browser keeps a page's
 * localStorage per origin (scheme, host and port), and the renderer keeps the editor's column
 * layout, row density and which unfinished sessions it already offered there
 * (src-renderer/store/column-layout.ts, reopen-memory.ts): on a new port each run, all of that
 * would be forgotten. When the port is taken (another `media-import ui`), a free one is used.
 */

/** The port `media-import ui` tries first when `--port` is not given. */
export const PREFERRED_UI_PORT = 4780

/** Starts on `preferred`, or on a free port (0) when something else listens there. */
export async function listenOnPreferredPort<T>(start: (port: number) => Promise<T>, preferred: number): Promise<T> {
  try {
    return await start(preferred)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
    return start(0)
  }
}
