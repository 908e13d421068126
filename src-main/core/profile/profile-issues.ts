/**
 * Turns schema issues into lines an editor can act on: the JSON path, then what is expected.
 * Values from the file are never echoed: a token pasted into the wrong field must not end up
 * in a terminal or a log.
 */
import type { z } from 'zod'

export interface ProfileIssue {
  /** Dotted JSON path, e.g. `storage.image.bucket`; `(file)` for the whole document. */
  path: string
  message: string
}

export class ProfileError extends Error {
  constructor(
    readonly issues: readonly ProfileIssue[],
    /** The profile file, when the profile came from one. */
    readonly file?: string,
  ) {
    const where = file ? `Profile ${file}` : 'Profile'
    super(`${where} is not usable:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`)
    this.name = 'ProfileError'
  }
}

const expectedWords: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  int: 'a whole number',
  number: 'a number',
  object: 'an object',
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** Per-parse error map: used wherever a field has no wording of its own. */
export const profileErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords[issue.expected] ?? issue.expected
      if (issue.expected === 'int' && typeof issue.input === 'number') return `expected ${expected}, got a fraction`
      return issue.input === undefined
        ? `is required (${expected})`
        : `expected ${expected}, got ${kindOf(issue.input)}`
    }
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape
      return shape ? `allowed keys here: ${Object.keys(shape).join(', ')}` : undefined
    }
    default:
      return undefined
  }
}

const joinPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(file)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')

/** Flattens issues: one line per unknown key, and for a union the branch that came closest. */
export function toProfileIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly PropertyKey[] = [],
): ProfileIssue[] {
  return issues.flatMap((issue): ProfileIssue[] => {
    const path = [...base, ...issue.path]
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: joinPath([...path, key]), message: `unknown key (${issue.message})` }))
    }
    if (issue.code === 'invalid_union') {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]
      if (closest) return toProfileIssues(closest, path)
    }
    return [{ path: joinPath(path), message: issue.message }]
  })
}
