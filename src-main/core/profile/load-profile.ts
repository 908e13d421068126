/** Reads a profile file from disk; every failure is a `ProfileError` naming the file. */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ProfileError } from './profile-issues'
import type { Profile } from './profile-schema'
import type { ResolvedProfile, SecretSource } from './resolve-profile'
import { parseProfile, resolveProfile } from './resolve-profile'

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/**
 * JSON.parse's message, with the place as line:column. V8 may quote the input in its message;
 * that part is dropped so file contents (a pasted token, say) never reach the terminal.
 */
export function parseJsonText(text: string, file?: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err)
    const message = raw.replace(/, ".*" is not valid JSON$/s, '').replace(/ \(line \d+ column \d+\)$/, '')
    const position = /at position (\d+)/.exec(message)?.[1]
    const offset = position !== undefined ? Number(position) : /end of JSON input/.test(message) ? text.length : -1
    const where = offset >= 0 ? lineAndColumn(text, offset) : undefined
    const at = where ? ` (line ${where.line}, column ${where.column})` : ''
    throw new ProfileError([{ path: '(file)', message: `not valid JSON: ${message}${at}` }], file)
  }
}

async function readProfileText(path: string): Promise<{ file: string; text: string }> {
  const file = resolve(path)
  try {
    // A BOM (Windows editors add one) is not JSON.
    return { file, text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? 'file not found; check the path, or run `media-import sandbox` to get a working sample profile'
        : code === 'EISDIR'
          ? 'is a folder, expected a .json file'
          : `cannot be read (${code ?? String(err)})`
    throw new ProfileError([{ path: '(file)', message }], file)
  }
}

/** Reads and validates, without resolving secrets. */
export async function readProfileFile(path: string): Promise<Profile> {
  const { file, text } = await readProfileText(path)
  return parseProfile(parseJsonText(text, file), file)
}

/** Reads, validates and resolves secrets from `secrets` (the process environment by default). */
export async function loadProfile(path: string, secrets: SecretSource = process.env): Promise<ResolvedProfile> {
  const { file, text } = await readProfileText(path)
  return resolveProfile(parseJsonText(text, file), secrets, file)
}
