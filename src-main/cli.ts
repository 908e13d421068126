/**
 * The headless entry: `media-import <command>`, on the same core as the app. Each command lives
 * in `cli/<command>.ts` and returns its exit code; `cli/bin.cjs` starts this under tsx.
 */
import { exitCodes, UsageError } from './cli/exit-codes'
import { loadLazily } from './cli/load-lazily'
import { terminalLines, terminalText } from './cli/terminal-text'
import type * as ImportCommand from './cli/import'
import type * as SandboxCommand from './cli/sandbox'
import type * as SessionsCommand from './cli/sessions'
import type * as ScanCommand from './cli/scan'
import type * as UiCommand from './cli/ui'
import { ProfileError } from './core/profile/profile-issues'
import { version } from '../package.json'

type Command = (args: readonly string[]) => Promise<number>

const commands: Record<string, { run: Command; summary: string }> = {
  scan: {
    run: (args) => loadLazily<typeof ScanCommand>('./scan').runScan(args),
    summary: 'list the files a folder would import (nothing is uploaded)',
  },
  import: {
    run: (args) => loadLazily<typeof ImportCommand>('./import').runImport(args),
    summary: 'upload files and import them into the Media Library (resumable)',
  },
  sessions: {
    run: (args) => loadLazily<typeof SessionsCommand>('./sessions').runSessions(args),
    summary: 'list import sessions on this computer, unfinished ones first',
  },
  sandbox: {
    run: (args) => loadLazily<typeof SandboxCommand>('./sandbox').runSandbox(args),
    summary: 'run a local S3 and Livingdocs emulator to try imports safely',
  },
  ui: {
    run: (args) => loadLazily<typeof UiCommand>('./ui').runUi(args),
    summary: 'serve the app to a browser on this computer (where the desktop app cannot start)',
  },
}

const mainHelp = `Usage: media-import <command> [options]

Bulk import of images, videos and files into a Livingdocs Media Library.

Commands:
${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(10)}${summary}`)
  .join('\n')}

Run \`media-import <command> --help\` for a command's options.
Exit status: 0 ok, 1 some files or rows failed, 2 usage or configuration error.`

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv
  try {
    if (name === undefined) {
      process.stderr.write(`${mainHelp}\n`)
      return exitCodes.usage
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${mainHelp}\n`)
      return exitCodes.ok
    }
    if (name === '--version' || name === '-v') {
      process.stdout.write(`${version}\n`)
      return exitCodes.ok
    }
    const command = commands[name]
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`)
    return await command.run(args)
  } catch (err) {
    if (err instanceof UsageError) {
      const help = err.command ? `media-import ${err.command} --help` : 'media-import --help'
      process.stderr.write(`media-import: ${terminalText(err.message)}\nSee \`${help}\`.\n`)
      return exitCodes.usage
    }
    if (err instanceof ProfileError) {
      // One issue per line; each line made safe.
      process.stderr.write(`media-import: ${terminalLines(err.message)}\n`)
      return exitCodes.usage
    }
    throw err
  }
}
