/** `media-import import`: the whole pipeline headless — scan, probe, upload, validate, submit, retry. */
import { rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import type { ScanProgress } from '../contract'
import { openImportSession, SessionProfileMismatch, type ImportSession } from '../core/pipeline/import-session'
import { LivingdocsApiError } from '../core/livingdocs/errors'
import { logImportActivity, type FileLogger } from '../core/logging'
import { loadProfile } from '../core/profile/load-profile'
import { SessionLockedError } from '../core/session/lock/session-lock'
import { SessionFileError } from '../core/session/persistence/session-files'
import type { TotalProgress } from '../core/storage/types'
import { checkRoots } from './check-roots'
import { importHelp } from './import-help'
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
  await checkRoots(roots, 'import')
  const assetRoots = (Array.isArray(parsed.values.assets) ? parsed.values.assets : []).map((p) => resolve(String(p)))
  if (assetRoots.length > 0 && typeof metadataArg !== 'string') {
    throw new UsageError('--assets names folders for the --metadata CSV; give --metadata FILE.csv too.', 'import')
  }
  await checkRoots(assetRoots, 'import')
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
