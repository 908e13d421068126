/**
 * `media-import ui`: the app's renderer and core served to a browser on 127.0.0.1 (src-main/web),
 * for machines where Electron cannot start. The first line of stdout is `UI_URL=<url>`, so a
 * script (or the e2e test) can read it; Ctrl+C saves the session and exits 0.
 */
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { dispatchCommand } from '../core/commands/dispatch'
import { SessionProfileMismatch } from '../core/pipeline/import-session'
import { LivingdocsApiError } from '../core/livingdocs/errors'
import { loadProfile } from '../core/profile/load-profile'
import { SessionFileError } from '../core/session/persistence/session-files'
import { EventStreams } from '../web/event-stream'
import { DEFAULT_RENDERER_DIR, assertRendererBuilt } from '../web/renderer-files'
import type { UiHost } from '../web/ui-host'
import { startProfileUiHost, startSandboxUiHost } from '../web/ui-host'
import { startUiServer } from '../web/ui-server'
import { version } from '../../package.json'
import { defaultSandboxDataDir } from './data-dir'
import { exitCodes, UsageError } from './exit-codes'
import { checkRoots } from './check-roots'
import { openBrowser } from '../web/open-browser'
import { listenOnPreferredPort, PREFERRED_UI_PORT } from '../web/preferred-port'
import { parseCommandArgs } from './parse-command-args'
import { checkSessionFolder, defaultSessionsDir, newSessionName } from './session-dir'
import { waitForStopSignal } from './stop-signal'

export const uiHelp = `Usage: media-import ui [path...] [--profile FILE] [--session DIR] [--port N] [--no-open]

Serves the app to a browser at http://127.0.0.1 (for machines where the desktop app
cannot start) and opens it in the default browser. The same pages and the same core
as the app; paths given here are added as if dropped. The address carries a secret
token: only this computer, and only with the token, can use it.

Options:
  --profile FILE  the profile (JSON), secrets from the environment variables it names;
                  without it the app runs on its embedded Sandbox (nothing leaves
                  this computer) and lists its sessions
  --session DIR   with --profile: the session folder to continue (or create)
                  Default: a new folder under $XDG_DATA_HOME/media-importer/sessions
                  or ~/.media-importer/sessions
  --port N        listen on this port (default: 4780, or a free one when it is
                  taken; the same port each run keeps what the browser stores for
                  the page: column layout, row density)
  --no-open       do not open a browser; only print the address
  -h, --help      show this help

The first line of output is UI_URL=<address>. Runs until Ctrl+C (SIGINT) or SIGTERM,
which saves the session first. Needs the built pages: run \`npm run build\` once.`

function parsePort(value: string | boolean | (string | boolean)[] | undefined): number {
  if (value === undefined) return 0
  const port = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : NaN
  if (!(port >= 1 && port <= 65535))
    throw new UsageError(`--port needs a number from 1 to 65535, not "${String(value)}".`, 'ui')
  return port
}

export async function runUi(args: readonly string[], stdout: NodeJS.WritableStream = process.stdout): Promise<number> {
  const parsed = parseCommandArgs(
    'ui',
    args,
    {
      profile: { type: 'string' },
      session: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
    },
    true,
  )
  if (parsed.help) {
    stdout.write(`${uiHelp}\n`)
    return exitCodes.ok
  }
  const { profile: profileArg, session: sessionArg } = parsed.values
  const port = parsePort(parsed.values.port)
  if (profileArg === '') throw new UsageError('--profile needs a file.', 'ui')
  if (sessionArg === '') throw new UsageError('--session needs a folder.', 'ui')
  if (typeof sessionArg === 'string' && typeof profileArg !== 'string') {
    throw new UsageError(
      '--session needs --profile: on the Sandbox, sessions are listed and opened in the app (Sessions…).',
      'ui',
    )
  }
  const roots = parsed.positionals.map((p) => resolve(p))
  await checkRoots(roots, 'ui')
  assertBuilt()
  const dataDir = join(dirname(defaultSandboxDataDir(process.env, homedir())), 'ui')

  // Listen before starting, so a signal during start-up still closes what was started.
  const stopped = waitForStopSignal()
  const events = new EventStreams()
  let host: UiHost
  if (typeof profileArg === 'string') {
    const profile = await loadProfile(profileArg)
    const sessionDir =
      typeof sessionArg === 'string'
        ? resolve(sessionArg)
        : resolve(defaultSessionsDir(process.env, homedir()), newSessionName(new Date()))
    await checkSessionFolder(sessionDir).catch((err: unknown) => {
      throw err instanceof UsageError ? new UsageError(err.message, 'ui') : err
    })
    try {
      host = await startProfileUiHost({ profile, sessionDir, dataDir, version, emit: events.emit })
    } catch (err) {
      // As `import` says it: the server or the session folder is the problem, nothing was done.
      if (err instanceof LivingdocsApiError) {
        throw new UsageError(`Livingdocs at ${profile.livingdocs.url}: ${err.message}`, 'ui')
      }
      if (err instanceof SessionFileError || err instanceof SessionProfileMismatch)
        throw new UsageError(err.message, 'ui')
      throw err
    }
  } else {
    host = await startSandboxUiHost(dataDir, version, events.emit)
  }

  let server
  try {
    const start = (listenOn: number) =>
      startUiServer({
        handlers: host.handlers,
        events,
        thumbnailDir: host.thumbnailDir,
        getRow: host.getRow,
        rendererDir: DEFAULT_RENDERER_DIR,
        port: listenOn,
      })
    // --port is kept or refused; without it, the same port as last run where it is free (preferred-port.ts).
    server = port === 0 ? await listenOnPreferredPort(start, PREFERRED_UI_PORT) : await start(port)
  } catch (err) {
    await host.close()
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `Port ${port} is already in use: choose another with --port, or leave it out for a free one.`,
        'ui',
      )
    }
    throw err
  }
  stdout.write(`UI_URL=${server.url}\n`)
  const info = host.appInfo
  process.stderr.write(
    `Media Importer on ${info.mode === 'sandbox' ? 'the Sandbox (nothing leaves this computer)' : `${info.profileName} (${info.livingdocsUrl})`}, session ${info.sessionId ?? '(none)'}.\nOpen the address above in a browser on this computer. Press Ctrl+C to stop.\n`,
  )
  if (roots.length > 0) {
    // As if dropped: the same command the window sends, through the same schema.
    const added = await dispatchCommand(host.handlers, 'addPaths', { paths: roots })
    if (!added.ok) process.stderr.write(`Could not add ${roots.join(', ')}: ${added.error.message}\n`)
  }
  if (parsed.values['no-open'] !== true && !(await openBrowser(server.url))) {
    process.stderr.write('No browser could be opened here: open the address above yourself.\n')
  }

  const signal = await stopped
  process.stderr.write(`\nReceived ${signal}: saving the session and stopping…\n`)
  await server.close()
  await host.close()
  process.stderr.write('Stopped.\n')
  return exitCodes.ok
}

function assertBuilt(): void {
  try {
    assertRendererBuilt(DEFAULT_RENDERER_DIR)
  } catch (err) {
    throw new UsageError((err as Error).message, 'ui')
  }
}
