/**
 * The folders and files the editor chose (dropped or picked), and the handler table confined to
 * them (ARCHITECTURE.md, "Security"): in the app, main scans and reads only under these, so a compromised
 * renderer cannot ask main to read ~/.ssh by sending a path. The host remembers paths from places
 * the renderer's page cannot forge: the system picker, and files of a real drop (Electron's preload
 * resolves only those to paths). Pure; paths are compared after `path.resolve`, exactly as given
 * (no case folding, no realpath). Links inside an allowed folder are the walk's concern: it
 * follows one only when its real target lies inside a dropped path (scan/walk.ts).
 */
import { isAbsolute, resolve } from 'node:path'
import { isInside } from '../scan/inside-roots'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

export class AllowedPaths {
  private readonly roots = new Set<string>()

  /** Remembers absolute paths; relative ones are ignored because they name nothing the editor saw. */
  remember(paths: readonly string[]): void {
    for (const path of paths) {
      if (isAbsolute(path) && !path.includes('\0')) this.roots.add(resolve(path))
    }
  }

  /** True when `path` is one of the remembered paths or lies under one. */
  allows(path: string): boolean {
    if (!isAbsolute(path) || path.includes('\0')) return false
    for (const root of this.roots) if (isInside(path, root)) return true
    return false
  }

  list(): string[] {
    return [...this.roots]
  }
}

/**
 * The handler table with `addPaths` (and `setLocaleAsset`) refusing any path the editor did not
 * drop or pick. Nothing is scanned when one path is refused: a half-done drop would be harder to
 * understand than none.
 */
export function confineToAllowed(handlers: Handlers, allowed: AllowedPaths): Handlers {
  return {
    ...handlers,
    addPaths: async (arg) => {
      const refused = arg.paths.filter((path) => !allowed.allows(path))
      if (refused.length > 0) {
        const shown = refused.slice(0, 3).join(', ') + (refused.length > 3 ? ` and ${refused.length - 3} more` : '')
        throw new MediaImportError(
          'path-not-allowed',
          `Not added: ${shown} was not dropped onto this window or chosen with "Choose folders…". Drop the files or choose them, then try again.`,
        )
      }
      return handlers.addPaths(arg)
    },
    // A file per language is read and uploaded like a dropped one, so it must be one the editor chose too.
    setLocaleAsset: async (arg) => {
      if (!allowed.allows(arg.path)) {
        throw new MediaImportError(
          'path-not-allowed',
          `Not used: ${arg.path} was not dropped onto this window or chosen with a picker. Choose the ${arg.locale} file with "Choose…" in its cell.`,
          { rowId: arg.rowId, field: `translations.${arg.locale}.asset` },
        )
      }
      return handlers.setLocaleAsset(arg)
    },
  }
}
