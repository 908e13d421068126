/**
 * The command that finishes what a run left: the same files, profile and CSV, this run's
 * `--session`, and the options that resolve what is left (`--link-conflicts` for externalId
 * conflicts, `--import-unreadable-as-file` for damaged images and videos and videos without a
 * duration). It is printed to be copied, so every argument is quoted for a POSIX shell, and a
 * name holding control characters is written with `$'…'` escapes: exact when pasted, harmless on
 * the terminal (issue #15). Pure.
 */
import type { ImportRecord } from './import-report'

export interface RerunInput {
  roots: readonly string[]
  profile: string
  session: string
  metadata?: string | undefined
  assets?: readonly string[] | undefined
  json?: boolean | undefined
  linkConflicts?: boolean | undefined
  importUnreadableAsFile?: boolean | undefined
}

const PLAIN = /^[A-Za-z0-9_/.,:=@%+-]+$/
// eslint-disable-next-line no-control-regex -- the characters a terminal would act on, as in terminal-text.ts
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

function ansiC(arg: string): string {
  let out = ''
  for (const ch of arg) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\\' || ch === "'") out += `\\${ch}`
    else if (UNSAFE.test(ch))
      out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `$'${out}'`
}

/** One argument as a POSIX shell reads it back exactly. */
export function shellQuote(arg: string): string {
  if (PLAIN.test(arg)) return arg
  if (UNSAFE.test(arg)) return ansiC(arg)
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

/** The options that would resolve what the records still leave open. */
export function resolvingOptions(records: readonly ImportRecord[]): {
  linkConflicts: boolean
  importUnreadableAsFile: boolean
} {
  const ways = new Set(records.flatMap((r) => r.waysOut ?? []))
  return { linkConflicts: ways.has('link'), importUnreadableAsFile: ways.has('import-as-file') }
}

export function rerunCommand(input: RerunInput, records: readonly ImportRecord[]): string {
  const wanted = resolvingOptions(records)
  const args = ['media-import', 'import', ...input.roots, '--profile', input.profile, '--session', input.session]
  if (input.metadata !== undefined) args.push('--metadata', input.metadata)
  for (const folder of input.assets ?? []) args.push('--assets', folder)
  if (input.linkConflicts || wanted.linkConflicts) args.push('--link-conflicts')
  if (input.importUnreadableAsFile || wanted.importUnreadableAsFile) args.push('--import-unreadable-as-file')
  if (input.json) args.push('--json')
  return args.map(shellQuote).join(' ')
}
