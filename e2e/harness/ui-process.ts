/**
 * The real `media-import ui` command as a user's shell runs it (the bin, a child process, its
 * Sandbox under `XDG_DATA_HOME`), for journeys that must show what a user of the command sees:
 * ui-command.spec.ts and the README's screenshots (editor-layout.spec.ts). `stop()` is Ctrl+C.
 */
import { join } from 'node:path'
import { childEnv, spawnCli, waitForExit, waitForOutput } from '../../src-main/cli/spawn-cli'
import { assertRendererBuilt, DEFAULT_RENDERER_DIR } from '../../src-main/web/renderer-files'

/** The printed address: loopback, a port, and the 32-byte token (43 URL-safe characters). */
const UI_URL = /^UI_URL=(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43})\n/

export interface UiProcess {
  /** The address from the first line of stdout, or undefined when that line was not as promised. */
  url: string | undefined
  /** All stdout up to the address. */
  stdout: string
  /** Ctrl+C (SIGINT), once however often it is called; then the exit code and everything on stderr. */
  stop(): Promise<{ code: number | null; stderr: string }>
}

/** `media-import ui <paths> --no-open` with its data under `dataHome`; resolves once it printed the address. */
export async function startUiProcess(paths: readonly string[], dataHome: string): Promise<UiProcess> {
  assertRendererBuilt(DEFAULT_RENDERER_DIR)
  const child = spawnCli(['ui', ...paths, '--no-open'], childEnv({ XDG_DATA_HOME: dataHome }))
  const exited = waitForExit(child)
  let stdout: string
  try {
    stdout = await waitForOutput(child, /^UI_URL=\S+\n/)
  } catch (err) {
    child.kill('SIGINT')
    throw err
  }
  let stopping: ReturnType<UiProcess['stop']> | undefined
  return {
    url: UI_URL.exec(stdout)?.[1],
    stdout,
    // A second SIGINT would end the process before it saved (ui.ts listens for the first only).
    stop: () => (stopping ??= (child.kill('SIGINT'), exited)),
  }
}

/** Where the command keeps its Sandbox sessions under `dataHome` (src-main/cli/ui.ts). */
export function uiSessionsDir(dataHome: string): string {
  return join(dataHome, 'media-importer', 'ui', 'sessions')
}
