/** `media-import sandbox`: runs the local S3 and Livingdocs emulator until stopped. */
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import type * as StartSandbox from '../core/sandbox/start-sandbox'
import { defaultSandboxDataDir } from './data-dir'
import { exitCodes, UsageError } from './exit-codes'
import { loadLazily } from './load-lazily'
import { parseCommandArgs } from './parse-command-args'
import { waitForStopSignal } from './stop-signal'
import { terminalText } from './terminal-text'

export const sandboxHelp = `Usage: media-import sandbox [--data DIR]

Starts a local S3 server and a Livingdocs emulator on 127.0.0.1 (random ports,
a new token every start) and writes a profile pointing at both. Nothing leaves
this computer. Runs until Ctrl+C (SIGINT) or SIGTERM.

Options:
  --data DIR  where entries and uploaded objects are kept (kept across runs)
              default: $XDG_DATA_HOME/media-importer/sandbox or
              ~/.media-importer/sandbox
  -h, --help  show this help`

/** Single quotes keep any value literal in sh/bash/zsh. */
const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`

export async function runSandbox(
  args: readonly string[],
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const parsed = parseCommandArgs('sandbox', args, { data: { type: 'string' } }, false)
  if (parsed.help) {
    stdout.write(`${sandboxHelp}\n`)
    return exitCodes.ok
  }
  const data = parsed.values.data
  if (data === '') throw new UsageError('--data needs a folder.', 'sandbox')
  const dataDir = typeof data === 'string' ? resolve(data) : defaultSandboxDataDir(process.env, homedir())

  // Listen before starting, so a signal during start-up still closes what was started.
  const stopped = waitForStopSignal()
  const { startSandbox } = loadLazily<typeof StartSandbox>('../core/sandbox/start-sandbox')
  const sandbox = await startSandbox({ dataDir })
  const exports = Object.entries(sandbox.env).map(([name, value]) => `export ${name}=${shellQuote(value)}`)
  stdout.write(
    [
      'Sandbox running. Nothing leaves this computer.',
      '',
      `Profile: ${terminalText(sandbox.profilePath)}`,
      '',
      '# Secrets for this run (the token changes every start). Set them in the shell that runs the import:',
      ...exports,
      '',
      `Livingdocs emulator: ${sandbox.livingdocsUrl}  (API under /api/{version}/)`,
      `S3: ${sandbox.s3Endpoint}  (buckets ${Object.values(sandbox.s3.buckets).join(', ')})`,
      `Data: ${terminalText(dataDir)}`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  )

  const signal = await stopped
  process.stderr.write(`\nReceived ${signal}, stopping the sandbox…\n`)
  await sandbox.close()
  process.stderr.write('Sandbox stopped.\n')
  return exitCodes.ok
}
