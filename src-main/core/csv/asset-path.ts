/**
 * Where a metadata CSV's `asset.<locale>` cell may point. A CSV is data someone else may have
 * written, so a cell naming `/etc/passwd` or `../../.aws/credentials` must not make the importer
 * upload that file to a public bucket (issue #15). The rule is the app's for dropped folders
 * (app/allowed-paths.ts): the file must lie in or under a path the person gave themselves — on the
 * command line — compared after links are resolved on both sides, so a link inside an allowed
 * folder cannot lead out of it. The answer is the real path, so the file later read is the one
 * checked.
 */
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { isInsideAny } from '../scan/inside-roots'

export type AssetPathAnswer = { ok: true; path: string } | { ok: false; problem: string }

/** The real paths of the given roots (links resolved); roots that do not exist are left out. */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const root of roots) {
    const real = await realpath(resolve(root)).catch(() => undefined)
    if (real) out.push(real)
  }
  return out
}

/**
 * The file a cell names (relative paths are relative to `baseDir`, the CSV's folder), if it is a
 * file lying inside one of `allowedRoots` (real paths, see `realRoots`); otherwise why not, as a
 * sentence that ends with what to do.
 */
export async function resolveAssetPath(
  baseDir: string,
  value: string,
  allowedRoots: readonly string[],
): Promise<AssetPathAnswer> {
  if (value.includes('\0')) return { ok: false, problem: 'the path holds a NUL character.' }
  const given = isAbsolute(value) ? value : resolve(baseDir, value)
  const real = await realpath(given).catch(() => undefined)
  if (!real) return { ok: false, problem: `no file "${value}" (paths are relative to the CSV file).` }
  if (!isInsideAny(real, allowedRoots)) {
    const via = real === resolve(given) ? '' : ` (it leads to ${real})`
    return {
      ok: false,
      problem:
        `"${value}"${via} is outside the folders given on the command line, so it is not read. ` +
        'Put the file in a folder you import, or name its folder with --assets DIR.',
    }
  }
  const info = await stat(real).catch(() => undefined)
  if (!info?.isFile()) return { ok: false, problem: `"${value}" is not a file.` }
  return { ok: true, path: real }
}
