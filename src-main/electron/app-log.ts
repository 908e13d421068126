/**
 * The app's log: daily NDJSON files in `<userData>/logs`, through the core's redaction layer.
 * The shell's existing `console.warn('[security] …')` / `console.error('[app] …')` lines are
 * mirrored into it (they still reach the terminal in development), so a blocked navigation or a
 * refused IPC sender shows up in the file an editor attaches to a support ticket. Secrets that
 * become known later (a profile's token read from safeStorage) are added to `redactor`.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { format } from 'node:util'
import type { Shell } from 'electron'
import { PRIVATE_DIR_MODE } from '../core/fs/private-mode'
import type { RevealLogs } from '../core/commands/support-handlers'
import { createFileLogger, type FileLogger } from '../core/logging'

export const LOG_FOLDER = 'logs'

export function appLogDir(userDataDir: string): string {
  return join(userDataDir, LOG_FOLDER)
}

type ConsoleMethod = 'warn' | 'error'

/**
 * Opens the log and mirrors console.warn/error into it; `close` restores the console. Mirroring
 * keeps the shell's many small modules free of a logger parameter each.
 */
export function openAppLog(userDataDir: string, context: Record<string, unknown>): FileLogger {
  const log = createFileLogger({
    dir: appLogDir(userDataDir),
    context,
    // The console is not mirrored back here: that would loop.
    onError: (error) => originals.warn(`[log] the log cannot be written: ${error.message}`),
  })
  const originals: Record<ConsoleMethod, (...args: unknown[]) => void> = {
    warn: console.warn.bind(console),
    error: console.error.bind(console),
  }
  for (const method of ['warn', 'error'] as const) {
    console[method] = (...args: unknown[]) => {
      originals[method](...args)
      log.logger.log(method, 'console', { message: format(...args) })
    }
  }
  const onUncaught = (error: Error): void => log.logger.error('process.uncaught-exception', { error })
  const onUnhandled = (reason: unknown): void => log.logger.error('process.unhandled-rejection', { error: reason })
  process.on('uncaughtExceptionMonitor', onUncaught)
  process.on('unhandledRejection', onUnhandled)
  return {
    ...log,
    close: () => {
      console.warn = originals.warn
      console.error = originals.error
      process.off('uncaughtExceptionMonitor', onUncaught)
      process.off('unhandledRejection', onUnhandled)
      log.close()
    },
  }
}

/**
 * "Reveal logs": today's file selected in the file manager when there is one (the one to attach),
 * otherwise the folder opened.
 */
export function logRevealer(log: FileLogger, shell: Pick<Shell, 'openPath' | 'showItemInFolder'>): RevealLogs {
  return async () => {
    const dir = log.file.dir
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    const current = log.file.currentFile
    if (existsSync(current)) {
      shell.showItemInFolder(current)
      return dir
    }
    // openPath answers an error message, or '' when it worked.
    const failure = await shell.openPath(dir)
    if (failure) throw new Error(failure)
    return dir
  }
}
