/**
 * The folders and files the editor chose (dropped or picked). File reads will later be confined
 * to these (DESIGN.md §11), so a compromised renderer cannot ask main to read ~/.ssh.
 * Pure; paths are compared after `path.resolve`, exactly as given (no case folding, no realpath).
 */
import { isAbsolute, resolve, sep } from 'node:path'
import type { Handlers } from '../core/app/handlers'

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
    const candidate = resolve(path)
    for (const root of this.roots) {
      if (candidate === root) return true
      const prefix = root.endsWith(sep) ? root : root + sep
      if (candidate.startsWith(prefix)) return true
    }
    return false
  }

  list(): string[] {
    return [...this.roots]
  }
}

/**
 * The handler table with `addPaths` remembering what the editor dropped. Wrapping the handler
 * (not the IPC call) means only payloads that passed the schema are remembered.
 */
export function withRememberedPaths(handlers: Handlers, allowed: AllowedPaths): Handlers {
  return {
    ...handlers,
    addPaths: async (arg) => {
      allowed.remember(arg.paths)
      return handlers.addPaths(arg)
    },
  }
}
