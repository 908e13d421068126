/** `media-import import`: the whole pipeline headless — scan, probe, upload, validate, submit, retry. */
import { rm, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import type { ScanProgress } from '../contract'
import { openImportSession, SessionProfileMismatch, type ImportSession } from '../core/importer/import-session'
import { LivingdocsApiError } from '../core/livingdocs/errors'
import { logImportActivity, type FileLogger } from '../core/logging'
import { loadProfile } from '../core/profile/load-profile'
import { SessionLockedError } from '../core/session/lock/session-lock'
import { SessionFileError } from '../core/session/persistence/session-files'
import type { TotalProgress } from '../core/storage/types'
import { defaultLogDir, openCliLog } from './cli-log'
import { exitCodes, UsageError } from './exit-codes'
import { planMetadata, type MetadataPlan } from './import-metadata'
import { importRecord, importSummary, importTableHeader, importTableRow, isFailure } from './import-report'
import { runImportSteps, type RunResult } from './import-run'
import { LineOutput } from './line-output'
import { parseCommandArgs } from './parse-command-args'
import { rerunCommand, type RerunInput } from './rerun-command'
import { ProgressBar } from './progress-bar'
import { progressOf } from './import-progress'
import type { RunProgress } from './progress-line'
import { checkSessionFolder, defaultSessionsDir, newSessionName } from './session-dir'
import { terminalText } from './terminal-text'

export const importHelp = `Usage: media-import import <path>... --profile FILE [--session DIR] [--metadata FILE.csv [--assets DIR]]
                           [--link-conflicts] [--import-unreadable-as-file] [--json]

Imports files and folders into the Media Library of the profile's Livingdocs project:
reads each file's type and metadata from its bytes, uploads it to the profile's S3
storage, validates each entry and submits it, retrying what can be retried.
Nothing is uploaded twice and nothing is imported twice, even across runs:
a file without an externalId is sent as externalId sha256-<hash of its bytes>,
and a file the library already holds is "already in the library" (its media id,
date and origin shown), neither uploaded nor imported again. To import such a
file once more on purpose, give it its own externalId in --metadata.

Options:
  --profile FILE   the profile (JSON): Livingdocs and S3 settings; secrets come from
                   the environment variables it names (\`media-import sandbox\` writes one)
  --session DIR    the session folder. An existing one is continued: uploads resume,
                   imported files stay imported, failed ones go again.
                   Default: a new folder under $XDG_DATA_HOME/media-importer/sessions
                   or ~/.media-importer/sessions (printed at the start)
  --metadata FILE  a CSV with one line per file, keyed by its relativePath (as
                   \`media-import scan\` shows it, or relative to the folder given):
                   metadata properties (title, caption, …), translations (title.fr),
                   systemName, externalId, id, mediaType, and asset.fr for a file that
                   replaces the asset in one language (relative to the CSV). Empty
                   cells change nothing; list values are separated by ";". The CSV
                   must be UTF-8 (Excel: "CSV UTF-8").
  --assets DIR     a folder of files that asset.<locale> cells may name, without
                   importing them (repeatable). A file the CSV names must lie in a
                   path given to import or in an --assets folder, else nothing runs.
  --link-conflicts a file whose externalId the library already holds is linked to
                   that entry (as the app's "Link to entry"): nothing is sent for it
  --import-unreadable-as-file
                   a damaged image or video the probe could still read, and a video
                   without a duration, is imported as a plain file (as "Import as file")
  --json           at the end, one JSON object per line and file (NDJSON): relativePath,
                   path, outcome, status, state, entryId, mediaId, mediaType, kind,
                   mimeType, size, key, url, reason, issues [{ field, message, source }],
                   waysOut (import-as-file, link, change-external-id, resubmit, …),
                   inLibrary { mediaId, createdAt, externalId, origin } (outcome
                   in-library), contentMatch (same bytes under another identity)
  -h, --help       show this help

A progress line is shown on a terminal (stderr). Exit status: 0 every file imported
or already in the library, 1 some files not imported (each listed with its reason, and
the command to run again with the options that resolve what is left), 2 usage or
configuration error.`

async function checkRoots(paths: readonly string[]): Promise<void> {
  const missing: string[] = []
  for (const path of paths) await stat(path).catch(() => missing.push(path))
  if (missing.length > 0) {
    throw new UsageError(`Not found: ${missing.join(', ')}. Check the path (quote names with spaces).`, 'import')
  }
}

/** Connection and session problems are configuration errors: nothing was imported. */
async function open(options: Parameters<typeof openImportSession>[0]): Promise<ImportSession> {
  try {
    return await openImportSession(options)
  } catch (err) {
    if (err instanceof LivingdocsApiError) {
      throw new UsageError(`Livingdocs at ${options.profile.livingdocs.url}: ${err.message}`, 'import')
    }
    if (err instanceof SessionFileError || err instanceof SessionProfileMismatch)
      throw new UsageError(err.message, 'import')
    throw err
  }
}

export async function runImport(
  args: readonly string[],
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const parsed = parseCommandArgs(
    'import',
    args,
    {
      profile: { type: 'string' },
      session: { type: 'string' },
      metadata: { type: 'string' },
      assets: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      'link-conflicts': { type: 'boolean' },
      'import-unreadable-as-file': { type: 'boolean' },
    },
    true,
  )
  if (parsed.help) {
    stdout.write(`${importHelp}\n`)
    return exitCodes.ok
  }
  const { profile: profileArg, session: sessionArg, metadata: metadataArg } = parsed.values
  if (parsed.positionals.length === 0) throw new UsageError('Give at least one file or folder to import.', 'import')
  if (typeof profileArg !== 'string' || profileArg === '') {
    throw new UsageError('--profile FILE is required (run `media-import sandbox` for a local one to try).', 'import')
  }
  for (const [name, value] of [
    ['--session', sessionArg],
    ['--metadata', metadataArg],
  ] as const) {
    if (value === '') throw new UsageError(`${name} needs a path.`, 'import')
  }
  const roots = parsed.positionals.map((p) => resolve(p))
  await checkRoots(roots)
  const assetRoots = (Array.isArray(parsed.values.assets) ? parsed.values.assets : []).map((p) => resolve(String(p)))
  if (assetRoots.length > 0 && typeof metadataArg !== 'string') {
    throw new UsageError('--assets names folders for the --metadata CSV; give --metadata FILE.csv too.', 'import')
  }
  await checkRoots(assetRoots)
  const choices = {
    linkConflicts: parsed.values['link-conflicts'] === true,
    importUnreadableAsFile: parsed.values['import-unreadable-as-file'] === true,
  }
  const profile = await loadProfile(profileArg)
  const sessionDir =
    typeof sessionArg === 'string'
      ? resolve(sessionArg)
      : resolve(defaultSessionsDir(process.env, homedir()), newSessionName(new Date()))
  await checkSessionFolder(sessionDir)

  const log = openCliLog(defaultLogDir(process.env, homedir()), profile, 'import')
  const logger = log.logger.child({ session: sessionDir })
  logger.info('import.start', { profile: profile.name, livingdocsUrl: profile.livingdocs.url, roots })
  // Deprecation warnings of the server (its `Warning` headers): once per run, the client dedupes.
  const onWarning = (warning: string): void => {
    process.stderr.write(`Livingdocs warns: ${warning}\n`)
    logger.warn('livingdocs.warning', { warning })
  }
  let imp: ImportSession
  try {
    imp = await open({
      dir: sessionDir,
      profile,
      roots,
      holdUploads: true,
      lockedBy: 'media-import import',
      livingdocs: { onWarning },
    })
  } catch (err) {
    logger.error('import.open-failed', { error: err })
    log.close()
    // Another process has the session: nothing to fix in the command line, so no pointer to --help.
    if (err instanceof SessionLockedError) {
      process.stderr.write(`media-import: ${terminalText(err.message)}\n`)
      return exitCodes.usage
    }
    throw err
  }
  const stopLogging = logImportActivity(logger, imp.session, imp.engine)
  logger.info('session.opened', { existed: imp.existed, rows: imp.session.snapshot().rows.length })
  const stderr = process.stderr
  stderr.write(`Session: ${terminalText(sessionDir)}${imp.existed ? ' (continued)' : ''}\n`)
  if (imp.reconcileError) {
    stderr.write(`Rows the last run was sending could not be checked yet: ${terminalText(imp.reconcileError)}\n`)
    logger.warn('session.reconcile-failed', { message: imp.reconcileError })
  }

  let phase: RunProgress['phase'] = 'scanning'
  let scanned: ScanProgress | undefined
  let total: TotalProgress | undefined
  const stopTotal = imp.engine.on('total', (t) => (total = t))
  const bar = stderr.isTTY ? new ProgressBar(stderr, () => progressOf(imp, phase, scanned, total)) : undefined
  let plan: MetadataPlan | undefined
  try {
    if (typeof metadataArg === 'string') {
      plan = await planMetadata(resolve(metadataArg), imp.project, roots, imp.session.snapshot().rows, assetRoots)
    }
  } catch (err) {
    // Nothing happened yet: a session this run made is removed again.
    logger.warn('import.metadata-refused', { error: err })
    stopLogging()
    log.close()
    stopTotal()
    await imp.close()
    if (!imp.existed) await rm(sessionDir, { recursive: true, force: true })
    throw err
  }
  const controller = new AbortController()
  const onSignal = (): void => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    stderr.write('\nStopping: uploads pause where they are and the session is saved…\n')
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  let result: RunResult
  try {
    bar?.start()
    result = await runImportSteps(
      imp,
      roots,
      plan,
      { phase: (p) => (phase = p), scan: (p) => (scanned = p) },
      controller.signal,
      choices,
    )
  } catch (err) {
    logger.error('import.failed', { error: err })
    throw err
  } finally {
    bar?.stop()
    stopTotal()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await imp.close()
    stopLogging()
  }

  try {
    return await report(imp, result, {
      stdout,
      json: parsed.values.json === true,
      sessionDir,
      rerun: {
        roots,
        profile: resolve(profileArg),
        session: sessionDir,
        metadata: typeof metadataArg === 'string' ? resolve(metadataArg) : undefined,
        assets: assetRoots,
        json: parsed.values.json === true,
        ...choices,
      },
      interrupted: controller.signal.aborted,
      log: logger,
    })
  } finally {
    log.close()
  }
}

async function report(
  imp: ImportSession,
  result: RunResult,
  options: {
    stdout: NodeJS.WritableStream
    json: boolean
    sessionDir: string
    rerun: RerunInput
    interrupted: boolean
    log: FileLogger['logger']
  },
): Promise<number> {
  const { stderr } = process
  const records = imp.session.snapshot().rows.map(importRecord)
  const out = new LineOutput(options.stdout)
  if (options.json) {
    for (const record of records) await out.write(`${JSON.stringify(record)}\n`)
  } else {
    const shown = records.filter((r) => r.outcome !== 'skipped')
    if (shown.length > 0) await out.write(`${[importTableHeader, ...shown.map(importTableRow)].join('\n')}\n`)
  }
  const summary = importSummary(records, result.updates?.updated ?? 0)
  stderr.write(`${summary}\n`)
  options.log.info('import.done', {
    summary,
    interrupted: options.interrupted,
    ...(result.stopped ? { stopped: result.stopped } : {}),
    ...(result.scan?.state === 'failed' ? { scanFailed: result.scan.message } : {}),
  })
  const again = result.scan?.alreadyInImport ?? 0
  if (again > 0)
    stderr.write(`${again} ${again === 1 ? 'file' : 'files'} already in this import (nothing added for them)\n`)
  if (result.scan?.state === 'failed')
    stderr.write(`The scan stopped: ${terminalText(result.scan.message ?? 'unknown error')}\n`)
  const failed = records.some(isFailure) || result.scan?.state === 'failed' || options.interrupted
  // The exact command to copy: quoted for the shell, control characters as $'\x..' escapes.
  if (failed) stderr.write(`Run again: ${rerunCommand(options.rerun, records)}\n`)
  for (const failure of result.updates?.failed ?? []) {
    const what = failure.conflict ? 'conflict' : 'failed'
    stderr.write(`Update ${what}: ${terminalText(failure.relativePath)}: ${terminalText(failure.reason)}\n`)
  }
  if (result.updates?.stopped) stderr.write(`media-import import: ${terminalText(result.updates.stopped)}\n`)
  if (result.stopped) {
    stderr.write(`media-import import: ${terminalText(result.stopped.message)}\n`)
    if (result.stopped.kind === 'auth' || result.stopped.kind === 'version') return exitCodes.usage
  }
  return failed ? exitCodes.rowsFailed : exitCodes.ok
}
