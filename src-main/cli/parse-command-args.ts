/**
 * node:util parseArgs with its errors turned into `UsageError`s, and `--help` on every command.
 */
import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { UsageError } from './exit-codes'

type Options = NonNullable<ParseArgsConfig['options']>

export interface ParsedCommandArgs {
  help: boolean
  values: Record<string, string | boolean | (string | boolean)[] | undefined>
  positionals: string[]
}

export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: Options,
  allowPositionals: boolean,
): ParsedCommandArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    })
    const { help, ...rest } = values
    return { help: help === true, values: rest, positionals }
  } catch (err) {
    // parseArgs' own messages name the option ("Unknown option '--jsn'"); keep them.
    const message =
      err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/s, '') : String(err)
    throw new UsageError(message, command)
  }
}
