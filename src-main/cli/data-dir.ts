/** Where `media-import sandbox` keeps its data when `--data` is not given. */
import { isAbsolute, join } from 'node:path'

/**
 * `$XDG_DATA_HOME/media-importer/sandbox` when XDG_DATA_HOME is set (absolute, as the spec
 * requires), otherwise `~/.media-importer/sandbox`.
 */
export function defaultSandboxDataDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env.XDG_DATA_HOME
  if (xdg && isAbsolute(xdg)) return join(xdg, 'media-importer', 'sandbox')
  return join(home, '.media-importer', 'sandbox')
}
